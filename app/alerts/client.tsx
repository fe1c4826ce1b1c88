"use client";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { EventsTable } from "@/components/alerts/events-table";
import { RuleForm } from "@/components/alerts/rule-form";
import { RulesTable } from "@/components/alerts/rules-table";
import { TokenField } from "@/components/alerts/token-field";
import { Skeleton } from "@/components/skeleton";
import { api } from "@/lib/dashboard/query-keys";

/** Rules change state on commits (each minute): the page follows within 10 s. */
const REFRESH_MS = 10_000;

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid={testId}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{title}</h2>
      {children}
    </section>
  );
}

function Failed({ error }: { error: Error }) {
  return (
    <p role="alert" className="py-4 text-sm text-red-600">
      {error.message}
    </p>
  );
}

export function AlertsClient() {
  const rules = useQuery({ ...api.alertRules(), refetchInterval: REFRESH_MS });
  const events = useQuery({ ...api.alertEvents(), refetchInterval: REFRESH_MS });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Alerts</h1>
        <TokenField />
      </div>
      <Section title="Rules" testId="rules-panel">
        {rules.data ? <RulesTable rules={rules.data.data} /> : rules.error ? <Failed error={rules.error} /> : <Skeleton className="h-24" />}
      </Section>
      <Section title="History" testId="history-panel">
        {events.data ? <EventsTable events={events.data.data} /> : events.error ? <Failed error={events.error} /> : <Skeleton className="h-24" />}
      </Section>
      <Section title="New rule">
        <RuleForm />
      </Section>
    </div>
  );
}
