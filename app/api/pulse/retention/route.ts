import { respond } from "@/lib/server/api";
import { getPlatformRetentionLatest } from "@/lib/server/queries/platform-retention-latest";

export async function GET() {
  return respond(() => getPlatformRetentionLatest());
}
