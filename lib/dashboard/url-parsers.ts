/**
 * The pieces every page's URL state (app/<page>/search-params.ts) is built from, with nuqs: parsers of
 * the parameters pages share, and the one rule for turning a subset of a page's parameters into an API
 * query string. Defaults never reach a URL or a query string (clearOnDefault, here and in the
 * NuqsAdapter's defaultOptions in components/providers.tsx), so `/` and `/?range=24h&tz=UTC` are
 * one view with one react-query key. These parsers only shape the URL: the zod schemas still decide
 * what is valid, on the server page (InvalidParams) and in the API routes (400).
 */
import { createParser, createSerializer, type ParserMap, parseAsNumberLiteral } from "nuqs/server";
import { DEFAULT_REFRESH_SECONDS, DEFAULT_TIME_ZONE, REFRESH_CHOICES } from "./param-values";

/** Free text (an instant, a date, a category, a zone): an empty value means unset, as for the zod schemas. */
export const parseAsText = createParser({
  parse: (v: string) => (v === "" ? null : v),
  serialize: (v: string) => v,
});

/** `tz`: the IANA zone bucketing and labels use. */
export const timeZoneParser = parseAsText.withDefault(DEFAULT_TIME_ZONE);

/** `refresh`: seconds between polls (live pages; with a live stream, only its fallback). */
export const refreshParser = parseAsNumberLiteral(REFRESH_CHOICES).withDefault(DEFAULT_REFRESH_SECONDS);

/** How a control's change reaches the URL: replaced in place, in the browser only (no server round trip), defaults dropped. */
export const URL_UPDATE_OPTIONS = { shallow: true, clearOnDefault: true, history: "replace", scroll: false } as const;

/** The parsers of `keys` only: what one API route or stream reads of a page's URL. */
export function pickParsers<P extends ParserMap, K extends keyof P & string>(parsers: P, keys: readonly K[]): Pick<P, K> {
  return Object.fromEntries(keys.map((k) => [k, parsers[k]])) as Pick<P, K>;
}

/** A serializer of `keys` of a page's parsers, defaults stripped: "" or "?k=v&…", keys in `keys` order. */
export const querySerializer = <P extends ParserMap, K extends keyof P & string>(parsers: P, keys: readonly K[]) =>
  createSerializer(pickParsers(parsers, keys), { clearOnDefault: true });
