import { alertSummary } from "@/lib/server/alerts/summary-cache";
import { respond } from "@/lib/server/api";

/** The nav badge: how many rules fire now (read at most once per SUMMARY_TTL_MS, however many viewers ask). */
export async function GET() {
  return respond(async () => ({ data: await alertSummary() }));
}
