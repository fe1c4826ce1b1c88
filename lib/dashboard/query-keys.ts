/**
 * React-query keys and fetchers, one factory per API route. Server pages seed the cache under the
 * same keys (with the same envelope the routes return), and the live stream writes under them too,
 * so hydration, the stream and polling share one entry. A key is the route's path and its query
 * string, made by the page's URL-state serializers (app/<page>/search-params.ts) with defaults
 * stripped: exactly what the route receives.
 */
import type { AlertEvent, AlertRule, AlertSpan, AlertSummary } from "./alerts";
import type { Annotation } from "./annotations";
import type { ApiErrorBody, Envelope } from "./envelope";
import type {
  BaselineMinute,
  BucketTopVideo,
  CategoryDay,
  DailyCoverage,
  DailyRetention,
  DailyVideos,
  PlatformRetentionDay,
  PlatformSeries,
  PulseKpis,
  RetentionDistribution,
  Trending,
  VideoDay,
  VideoHit,
  VideoMinute,
  VideoSummary,
} from "./models";
import type { Playlist, PlaylistSummary } from "./playlists";
import type { SavedView } from "./saved-views";

/** Thrown by fetchers for non-2xx answers; `status` lets pages tell 400/404/503 apart. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { Accept: "application/json" } });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError("the dashboard server is unreachable", 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(body?.error ?? `HTTP ${res.status}`, res.status);
  }
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

/** `qs` is "" or "?…" from a search-params serializer. */
const route = <T>(path: string, qs = "") => ({
  queryKey: [path, qs] as const,
  queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<Envelope<T>>(`${path}${qs}`, signal),
});

export type ApiRoute<T> = ReturnType<typeof route<T>>;
export type QueryKey = ApiRoute<unknown>["queryKey"];

export const api = {
  pulseSeries: (qs: string) => route<PlatformSeries>("/api/pulse/series", qs),
  /** The Pulse series' range a day or week back (qs holds compare=), its times moved onto the current range's. */
  pulseSeriesBaseline: (qs: string) => route<PlatformSeries>("/api/pulse/series/baseline", qs),
  videoSeriesBaseline: (id: string, qs: string) => route<readonly BaselineMinute[]>(`/api/videos/${enc(id)}/series/baseline`, qs),
  pulseKpis: (qs: string) => route<PulseKpis>("/api/pulse/kpis", qs),
  trending: (qs: string) => route<Trending>("/api/pulse/trending", qs),
  videoSummary: (id: string) => route<VideoSummary>(`/api/videos/${enc(id)}`),
  videoSeries: (id: string, qs: string) => route<readonly VideoMinute[]>(`/api/videos/${enc(id)}/series`, qs),
  videoDaily: (id: string) => route<readonly VideoDay[]>(`/api/videos/${enc(id)}/daily`),
  dailyVideos: (qs: string) => route<DailyVideos & { from: string; to: string }>("/api/daily/videos", qs),
  dailyCategories: (qs: string) => route<{ from: string; to: string; days: readonly CategoryDay[] }>("/api/daily/categories", qs),
  dailyRetention: (qs: string) => route<DailyRetention>("/api/daily/retention", qs),
  retentionDistribution: (qs: string) => route<RetentionDistribution>("/api/daily/retention-distribution", qs),
  platformRetention: () => route<readonly PlatformRetentionDay[]>("/api/pulse/retention"),
  dailyCoverage: () => route<DailyCoverage>("/api/daily/coverage"),
  categories: () => route<readonly string[]>("/api/categories"),
  topVideos: (from: number, to: number) =>
    route<readonly BucketTopVideo[]>("/api/pulse/top-videos", `?from=${enc(new Date(from).toISOString())}&to=${enc(new Date(to).toISOString())}`),
  savedViews: () => ({
    queryKey: ["/api/views"] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<{ data: readonly SavedView[] }>("/api/views", signal),
  }),
  playlists: () => ({
    queryKey: ["/api/playlists"] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<{ data: readonly PlaylistSummary[] }>("/api/playlists", signal),
  }),
  playlist: (id: number) => ({
    queryKey: ["/api/playlists", id] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<{ data: Playlist }>(`/api/playlists/${id}`, signal),
  }),
  videoSearch: (text: string) => route<readonly VideoHit[]>("/api/search/videos", `?q=${enc(text)}`),
  /** The annotations a chart of [from, to) shows (the platform's, and `videoId`'s when given). */
  annotations: (from: number, to: number, videoId?: string) => windowRoute<readonly Annotation[]>("/api/annotations", from, to, videoId),
  /** The alert rules' firing periods a chart of [from, to) marks. */
  alertSpans: (from: number, to: number, videoId?: string) => windowRoute<readonly AlertSpan[]>("/api/alerts/spans", from, to, videoId),
  alertSummary: () => ({
    queryKey: ["/api/alerts/summary"] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<{ data: AlertSummary }>("/api/alerts/summary", signal),
  }),
  alertRules: () => ({
    queryKey: ["/api/alerts/rules"] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<{ data: readonly AlertRule[] }>("/api/alerts/rules", signal),
  }),
  alertEvents: () => ({
    queryKey: ["/api/alerts/events"] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<{ data: readonly AlertEvent[] }>("/api/alerts/events", signal),
  }),
};

/** A route over a chart's window [from, to), for the platform or one video. */
function windowRoute<T>(path: string, from: number, to: number, videoId?: string) {
  const qs = `?from=${enc(new Date(from).toISOString())}&to=${enc(new Date(to).toISOString())}${videoId ? `&videoId=${enc(videoId)}` : ""}`;
  return {
    queryKey: [path, qs] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<{ data: T }>(`${path}${qs}`, signal),
  };
}
