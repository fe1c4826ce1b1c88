/**
 * Next 16 proxy (formerly middleware): rejects paths with malformed percent-escapes (e.g. /videos/%ZZ)
 * with a 400 before routing, where Next would otherwise fail to decode route params with a 500.
 */
import { type NextRequest, NextResponse } from "next/server";

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  try {
    decodeURIComponent(path);
  } catch {
    const message = "malformed percent-escape in the URL path";
    if (path.startsWith("/api/")) return NextResponse.json({ error: message }, { status: 400 });
    return new NextResponse(`Bad request: ${message}.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/api/:path*", "/videos/:path*", "/daily/:path*"] };
