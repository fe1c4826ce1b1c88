/** The playlists API's input, validated at the boundary (zod, on the server). */
import { z } from "zod";
import { MAX_DWELL_SECONDS, MAX_PLAYLIST_ITEMS, MIN_DWELL_SECONDS } from "./playlists";
import { VIEW_PATH } from "./saved-views";
import { plainText, strictObjectError } from "./text-schema";

const dwellSeconds = z
  .number({ error: "dwellSeconds must be a number of seconds" })
  .int("dwellSeconds must be a whole number of seconds")
  .min(MIN_DWELL_SECONDS, `dwellSeconds must be at least ${MIN_DWELL_SECONDS}`)
  .max(MAX_DWELL_SECONDS, `dwellSeconds must be at most ${MAX_DWELL_SECONDS}`);

/** One item: a saved view (viewId) or a page of the dashboard (url), with its dwell time. Both fields are
 * declared on one object, not a union, so a bad url is refused with the url's own message. */
const item = z
  .strictObject(
    {
      viewId: z.number({ error: "viewId must be a number" }).int("viewId must be a whole number").positive("viewId must be positive").optional(),
      url: z
        .string({ error: "url must be a string" })
        .max(2000, "url is longer than 2000 characters")
        .regex(VIEW_PATH, "url must be a page of this dashboard: /, /daily, /alerts, /annotations or /videos/<id>, with its query string")
        .optional(),
      dwellSeconds,
    },
    { error: strictObjectError },
  )
  .refine((i) => (i.viewId === undefined) !== (i.url === undefined), "each item names either a saved view (viewId) or a url, not both");

/** POST /api/playlists and PUT /api/playlists/<id>: the whole playlist (a PUT replaces its items). */
export const playlistBodySchema = z.strictObject(
  {
    name: plainText("name", 200),
    author: plainText("author", 200),
    items: z
      .array(item, { error: "items must be a list" })
      .min(1, "a playlist needs at least one item")
      .max(MAX_PLAYLIST_ITEMS, `a playlist holds at most ${MAX_PLAYLIST_ITEMS} items`),
  },
  { error: strictObjectError },
);
export type PlaylistBody = z.output<typeof playlistBodySchema>;
