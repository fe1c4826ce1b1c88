import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery } from "../data";

export function getCategories(): Promise<Envelope<readonly string[]>> {
  return cachedQuery({
    name: "categories",
    params: {},
    freshness: "daily",
    map: (rows) => rows.map((r) => String(r.category)),
    watermark: () => null,
  });
}
