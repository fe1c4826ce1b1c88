/** The saved views API's input, validated at the boundary (zod, on the server). */
import { z } from "zod";
import { VIEW_PATH } from "./saved-views";
import { plainText, strictObjectError } from "./text-schema";

/** POST /api/views: a name and the page's relative URL (one of the dashboard's pages: never another site). */
export const newSavedViewSchema = z.strictObject(
  {
    name: plainText("name", 200),
    author: plainText("author", 200),
    url: z
      .string({ error: "url must be a string" })
      .max(2000, "url is longer than 2000 characters")
      .regex(VIEW_PATH, "url must be a page of this dashboard: /, /daily, /alerts, /annotations or /videos/<id>, with its query string"),
    pinned: z.boolean({ error: "pinned must be true or false" }).default(false),
  },
  { error: strictObjectError },
);
