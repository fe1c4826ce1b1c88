import { respond } from "@/lib/server/api";
import { getDailyCoverage } from "@/lib/server/queries/daily-coverage";

export async function GET() {
  return respond(() => getDailyCoverage());
}
