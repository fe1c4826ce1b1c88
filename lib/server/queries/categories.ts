import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery } from "../data";

/** sql/queries/categories.sql: NULL categories are filtered out. */
const Row = z.object({ category: z.string() });

export function getCategories(): Promise<Envelope<readonly string[]>> {
  return cachedQuery({
    name: "categories",
    params: {},
    freshness: "daily",
    row: Row,
    map: (rows) => rows.map((r) => r.category),
    watermark: () => null,
  });
}
