import { NextResponse } from "next/server";
import { getHealth } from "@/lib/server/queries/health";

/** 200 when Trino answers (even if a table is behind: `ok` and each table's `fresh` say so), 503 when it does not. */
export async function GET() {
  const health = await getHealth();
  return NextResponse.json(health, { status: health.trino.reachable ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
