"use client";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { BASELINE_LABELS, BASELINES, METRIC_LABELS, PLATFORM_METRICS, VIDEO_METRICS } from "@/lib/dashboard/alerts";
import { api } from "@/lib/dashboard/query-keys";
import { Field, inputClass, WriteStatus } from "../write-controls";
import { useWriteToken, writeJson } from "./write-token";

/** The fields a FormData holds, as the API's flat body: numbers as numbers, empty fields left out (the server's defaults apply). */
function bodyOf(form: FormData, condition: string, scope: string): Record<string, unknown> {
  const text = (k: string) => {
    const v = String(form.get(k) ?? "").trim();
    return v === "" ? undefined : v;
  };
  const num = (k: string) => {
    const v = text(k);
    return v === undefined ? undefined : Number(v);
  };
  const body: Record<string, unknown> = {
    name: text("name"),
    author: text("author"),
    scope,
    videoId: scope === "video" ? text("videoId") : undefined,
    metric: text("metric"),
    condition,
    op: text("op"),
    forMinutes: num("forMinutes"),
    webhookUrl: text("webhookUrl"),
    ...(condition === "threshold"
      ? { threshold: num("threshold"), recover: num("recover") }
      : { baseline: text("baseline"), baselineMinutes: num("baselineMinutes"), z: num("z"), recoverZ: num("recoverZ") }),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** A new rule, checked by the server (its 400 names the field, shown here); needs the API token. */
export function RuleForm() {
  const [token] = useWriteToken();
  const client = useQueryClient();
  const [scope, setScope] = useState<"platform" | "video">("platform");
  const [condition, setCondition] = useState<"threshold" | "anomaly">("threshold");
  const [status, setStatus] = useState<{ error?: string; saved?: string }>({});
  const [busy, setBusy] = useState(false);
  const metrics = scope === "platform" ? PLATFORM_METRICS : VIDEO_METRICS;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    try {
      const res = (await writeJson("POST", "/api/alerts/rules", token, bodyOf(new FormData(form), condition, scope))) as { data: { name: string } };
      setStatus({ saved: `Saved "${res.data.name}": it is evaluated from the next commit.` });
      form.reset();
      await client.invalidateQueries({ queryKey: api.alertRules().queryKey });
    } catch (err) {
      setStatus({ error: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="rule-form">
      <Field label="Name">
        <input name="name" required maxLength={200} className={inputClass} placeholder="Plays surge" />
      </Field>
      <Field label="Author">
        <input name="author" required maxLength={200} className={inputClass} placeholder="your name" />
      </Field>
      <Field label="Watches">
        <select name="scope" value={scope} onChange={(e) => setScope(e.target.value as "platform" | "video")} className={inputClass}>
          <option value="platform">the platform</option>
          <option value="video">one video</option>
        </select>
      </Field>
      {scope === "video" ? (
        <Field label="Video id">
          <input name="videoId" required maxLength={64} pattern="[A-Za-z0-9_\-]+" className={inputClass} />
        </Field>
      ) : (
        <div />
      )}
      <Field label="Metric">
        <select name="metric" key={scope} className={inputClass}>
          {metrics.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Condition">
        <select name="condition" value={condition} onChange={(e) => setCondition(e.target.value as "threshold" | "anomaly")} className={inputClass}>
          <option value="threshold">threshold</option>
          <option value="anomaly">anomaly (z-score)</option>
        </select>
      </Field>
      <Field label="Direction">
        <select name="op" key={condition} className={inputClass}>
          <option value="above">above</option>
          <option value="below">below</option>
          {condition === "anomaly" && <option value="either">either way</option>}
        </select>
      </Field>
      <Field label="For (minutes in a row)">
        <input name="forMinutes" type="number" min={1} max={1440} defaultValue={1} className={inputClass} />
      </Field>
      {condition === "threshold" ? (
        <>
          <Field label="Threshold">
            <input name="threshold" type="number" step="any" required className={inputClass} />
          </Field>
          <Field label="Resolves at (blank: the threshold)">
            <input name="recover" type="number" step="any" className={inputClass} />
          </Field>
        </>
      ) : (
        <>
          <Field label="Baseline">
            <select name="baseline" className={inputClass}>
              {BASELINES.map((b) => (
                <option key={b} value={b}>
                  {BASELINE_LABELS[b]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Baseline minutes">
            <input name="baselineMinutes" type="number" min={2} max={720} defaultValue={60} className={inputClass} />
          </Field>
          <Field label="Fires at z">
            <input name="z" type="number" step="any" min={0} defaultValue={3} className={inputClass} />
          </Field>
          <Field label="Resolves below z">
            <input name="recoverZ" type="number" step="any" min={0} defaultValue={1.5} className={inputClass} />
          </Field>
        </>
      )}
      <Field label="Webhook (Slack-compatible; blank: the server's default)">
        <input name="webhookUrl" type="url" maxLength={2000} className={inputClass} placeholder="https://hooks.slack.com/services/…" />
      </Field>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <button
          type="submit"
          disabled={!token || busy}
          className="rounded bg-rose-600 px-3 py-1.5 text-sm font-medium text-white enabled:hover:bg-rose-700 disabled:opacity-40"
        >
          {busy ? "Saving…" : "Add rule"}
        </button>
        {!token && <span className="text-xs text-slate-500">Give the API token above to add rules.</span>}
        <WriteStatus status={status} />
      </div>
    </form>
  );
}
