import "server-only";
/**
 * The write API's one check: `Authorization: Bearer <PULSE_API_TOKEN>`. Reads stay open, as the
 * pages are; every write (creating or deleting an annotation, later rules and saved views) passes
 * here first. The comparison takes the same time whatever the guess (digests of equal length).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { serverConfig } from "../config/server";
import type { ApiErrorBody } from "../dashboard/envelope";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** undefined when the request carries the token; else the 401 or 403 to answer. */
export function refuseWithoutToken(request: Request): NextResponse<ApiErrorBody> | undefined {
  const token = serverConfig().PULSE_API_TOKEN;
  const headers = { "Cache-Control": "no-store" };
  if (!token) {
    return NextResponse.json({ error: "writes are disabled on this server: it has no PULSE_API_TOKEN" }, { status: 403, headers });
  }
  const given = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (given === undefined) {
    return NextResponse.json(
      { error: "this request needs the API token: send `Authorization: Bearer <token>`" },
      { status: 401, headers: { ...headers, "WWW-Authenticate": 'Bearer realm="pulse"' } },
    );
  }
  if (!timingSafeEqual(digest(given), digest(token))) {
    return NextResponse.json(
      { error: "the API token is not valid" },
      { status: 401, headers: { ...headers, "WWW-Authenticate": 'Bearer realm="pulse", error="invalid_token"' } },
    );
  }
  return undefined;
}
