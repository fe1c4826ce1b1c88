/**
 * How a server page reads its URL with the API routes' own zod schemas before drawing anything
 * (each page's url-check.ts puts these together):
 * - `checkUrl`: the raw URL, so a value the page's nuqs parsers would quietly replace by their
 *   default (range=9y) is refused with the route's message (components/invalid-params.tsx);
 * - `routeInput`: a panel's react-query key, i.e. the query string its route receives, so the page
 *   loads exactly what the route would answer under that key.
 * No `server-only` import here so the logic can be unit-tested; only server pages import it.
 */
import type { z } from "zod";
import { describeIssues, searchParamsObject } from "../dashboard/schemas";

export type Issues = ReturnType<typeof describeIssues>;
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: Issues };
export type SearchParams = Readonly<Record<string, string | string[] | undefined>>;

/** `input` is Next's searchParams record or the part of it a schema reads (repeated keys: the schemas take the first). */
export function checkUrl<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: describeIssues(parsed.error) };
}

/** What the route behind `queryKey` ([path, "?…"]) parses from its query string, plus route params (`extra`). */
export function routeInput<S extends z.ZodType>(schema: S, queryKey: readonly [string, string], extra: Record<string, unknown> = {}): Checked<z.output<S>> {
  return checkUrl(schema, { ...searchParamsObject(new URLSearchParams(queryKey[1])), ...extra });
}

/** Every issue of the checks that failed, each parameter once (the raw URL and a key may both name it). */
export function issuesOf(...checks: readonly Checked<unknown>[]): Issues {
  const all = checks.flatMap((c) => (c.ok ? [] : c.issues));
  return all.filter((issue, i) => all.findIndex((o) => o.param === issue.param) === i);
}
