import "server-only";
import { NextResponse } from "next/server";
/**
 * The write API's body: JSON, at most MAX_BODY_BYTES, validated by a zod schema. Every refusal is a
 * 4xx naming what is wrong (415 not JSON, 413 too large, 400 malformed or invalid), never a 500.
 */
import type { z } from "zod";
import { describeIssues } from "../dashboard/schemas";
import { badRequest, type Parsed } from "./api";

export const MAX_BODY_BYTES = 16 * 1024;

const refuse = (status: number, error: string): Parsed<never> => ({
  ok: false,
  response: NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } }),
});

async function readLimited(request: Request): Promise<string | undefined> {
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return refuse(415, "the body must be JSON: send `Content-Type: application/json`");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  const text = await readLimited(request);
  if (text === undefined) return refuse(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: badRequest("the body is not valid JSON") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return { ok: false, response: badRequest(`invalid ${issues.map((i) => i.param).join(", ")}: ${issues[0]!.message}`, issues) };
  }
  return { ok: true, value: parsed.data };
}
