import "server-only";
/**
 * The one way API routes read input and answer: `parseRequest` validates the query string (plus
 * route params, which Next hands over decoded; malformed escapes are answered 400 by proxy.ts) with
 * a zod schema and turns failures into a 400 naming each bad parameter; `respond` maps the data layer's failures to 503 (Trino down, nothing cached;
 * or the dashboard at capacity, admission.ts, with the Retry-After it asks for) and anything
 * unexpected to a 500 without details. No stack trace ever reaches a client.
 */
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { ApiErrorBody } from "../dashboard/envelope";
import { describeIssues, searchParamsObject } from "../dashboard/schemas";
import { AdmissionRejectedError } from "./admission";
import { DataUnavailableError } from "./data";
import { TooManyViewsError } from "./live/hub";
import { OpsStoreUnavailableError } from "./ops/ops-db";

const MAX_QUERY_STRING = 4096;

/** Thrown inside `respond` for a well-formed request about something that does not exist: a 404. */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: NextResponse<ApiErrorBody> };

export function badRequest(error: string, issues?: ApiErrorBody["issues"]): NextResponse<ApiErrorBody> {
  return NextResponse.json({ error, ...(issues ? { issues } : {}) }, { status: 400, headers: { "Cache-Control": "no-store" } });
}

export function parseRequest<S extends z.ZodType>(request: Request, schema: S, extra: Record<string, unknown> = {}): Parsed<z.output<S>> {
  const url = new URL(request.url);
  if (url.search.length > MAX_QUERY_STRING) return { ok: false, response: badRequest(`query string longer than ${MAX_QUERY_STRING} characters`) };
  const parsed = schema.safeParse({ ...searchParamsObject(url.searchParams), ...extra });
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return { ok: false, response: badRequest(`invalid ${issues.map((i) => i.param).join(", ")}: ${issues[0]!.message}`, issues) };
  }
  return { ok: true, value: parsed.data };
}

export async function respond(work: () => Promise<unknown>): Promise<NextResponse> {
  try {
    return NextResponse.json(await work(), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}

/** A route that answers with its own Response (the live stream): the same error mapping as `respond`. */
export async function respondWith(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (err) {
    return errorResponse(err);
  }
}

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof NotFoundError) {
    return NextResponse.json({ error: err.message } satisfies ApiErrorBody, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  if (err instanceof AdmissionRejectedError) {
    const headers = { "Cache-Control": "no-store", "Retry-After": String(err.retryAfterSeconds) };
    return NextResponse.json({ error: err.message } satisfies ApiErrorBody, { status: 503, headers });
  }
  if (err instanceof DataUnavailableError || err instanceof TooManyViewsError || err instanceof OpsStoreUnavailableError) {
    return NextResponse.json({ error: err.message } satisfies ApiErrorBody, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } });
  }
  console.error("[dashboard] unexpected error", err);
  return NextResponse.json({ error: "internal error; see the server log" } satisfies ApiErrorBody, { status: 500 });
}
