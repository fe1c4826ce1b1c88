import { getPlatformRetentionLatest } from "@/lib/server/queries/platform-retention-latest";
import { respondVersioned } from "@/lib/server/versioned-response";

export async function GET(request: Request) {
  return respondVersioned(request, () => getPlatformRetentionLatest());
}
