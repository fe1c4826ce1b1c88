import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { VideoHit } from "../../dashboard/models";
import { cachedQuery } from "../data";

/** sql/queries/video_search.sql. */
const Row = z.object({
  video_id: z.string(),
  category: z.string().nullable(),
  creator_id: z.string().nullable(),
  hashtags: z.array(z.string()).nullable(),
  status: z.string().nullable(),
  matched: z.enum(["id", "hashtag"]),
});

export const SEARCH_LIMIT = 10;

/** The text as a LIKE prefix: the wildcard characters (and the escape itself) stand for themselves. */
export const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchVideos(text: string): Promise<Envelope<readonly VideoHit[]>> {
  const bare = text.replace(/^#/, "");
  return cachedQuery({
    name: "video_search",
    params: { exact_id: bare, id_pattern: likePrefix(bare), hashtag: bare.toLowerCase(), limit: SEARCH_LIMIT },
    freshness: "daily",
    row: Row,
    map: (rows) =>
      rows.map((r) => ({
        videoId: r.video_id,
        category: r.category,
        creatorId: r.creator_id,
        hashtags: r.hashtags ?? [],
        status: r.status ?? "active",
        matched: r.matched,
      })),
    watermark: () => null,
  });
}
