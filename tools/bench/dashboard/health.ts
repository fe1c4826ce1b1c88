/** The server's count of Trino queries sent (/api/health `queriesSent`), read before and after a load phase. */
import { getJson } from "../http";

interface HealthBody {
  readonly queriesSent: number;
}

export async function queriesSent(base: string): Promise<number> {
  const { status, body } = await getJson<HealthBody>(`${base}/api/health`);
  if (typeof body.queriesSent !== "number") throw new Error(`/api/health answered ${status} without queriesSent`);
  return body.queriesSent;
}
