/**
 * React-query keys and fetchers, one factory per API route. Server pages seed the cache under the
 * same keys (with the same envelope the routes return), so hydration and polling share one entry.
 * Keys hold the raw URL parameters, which is exactly what the routes receive.
 */
import type { ApiErrorBody, Envelope } from "./envelope";
import type {
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
  VideoMinute,
  VideoSummary,
} from "./models";

export type Params = Readonly<Record<string, string | undefined>>;

/** Thrown by fetchers for non-2xx answers; `status` lets pages tell 400/404/503 apart. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function toQueryString(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) if (v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
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

const clean = (p: Params): Params => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== "")) as Params;
const enc = encodeURIComponent;

const route = <T>(path: string, params: Params) => {
  const qs = toQueryString(params);
  return {
    queryKey: [path, clean(params)] as const,
    queryFn: ({ signal }: { signal?: AbortSignal }) => getJson<Envelope<T>>(`${path}${qs}`, signal),
  };
};

export const api = {
  pulseSeries: (p: Params) => route<PlatformSeries>("/api/pulse/series", p),
  pulseKpis: (p: Params) => route<PulseKpis>("/api/pulse/kpis", p),
  trending: (p: Params) => route<Trending>("/api/pulse/trending", p),
  videoSummary: (id: string) => route<VideoSummary>(`/api/videos/${enc(id)}`, {}),
  videoSeries: (id: string, p: Params) => route<readonly VideoMinute[]>(`/api/videos/${enc(id)}/series`, p),
  videoDaily: (id: string) => route<readonly VideoDay[]>(`/api/videos/${enc(id)}/daily`, {}),
  dailyVideos: (p: Params) => route<DailyVideos & { from: string; to: string }>("/api/daily/videos", p),
  dailyCategories: (p: Params) => route<{ from: string; to: string; days: readonly CategoryDay[] }>("/api/daily/categories", p),
  dailyRetention: (p: Params) => route<DailyRetention>("/api/daily/retention", p),
  retentionDistribution: (p: Params) => route<RetentionDistribution>("/api/daily/retention-distribution", p),
  platformRetention: () => route<readonly PlatformRetentionDay[]>("/api/pulse/retention", {}),
  dailyCoverage: () => route<DailyCoverage>("/api/daily/coverage", {}),
  categories: () => route<readonly string[]>("/api/categories", {}),
};
