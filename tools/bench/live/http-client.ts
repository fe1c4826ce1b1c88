/**
 * Timed GETs for the simulated pollers and the burst, over node:http with an Agent the caller sizes
 * (a thousand viewers need a thousand sockets; fetch's pool would be another variable). The body is
 * counted as it comes off the wire (compressed when the server gzips), not decoded. Like a browser,
 * a request that fails because the server closed an idle kept-alive socket just as it was reused is
 * sent again once on a new connection (counted in `retried`), since that race is the client's, not
 * the server's.
 */
import http from "node:http";

export interface HttpResult {
  /** 0 = network error or timeout (see `error`). */
  readonly status: number;
  /** From sending the request to the last byte of the body. */
  readonly ms: number;
  readonly bodyBytes: number;
  readonly etag: string | undefined;
  readonly retryAfter: string | undefined;
  readonly contentEncoding: string | undefined;
  readonly retried: boolean;
  readonly error?: string;
}

export interface GetOptions {
  readonly agent: http.Agent;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** An Agent keeping sockets alive between polls, with room for `sockets` concurrent requests. */
export function pollingAgent(sockets: number): http.Agent {
  // `timeout` lets Node honour the server's Keep-Alive hint (the dashboard server sends timeout=65): an idle socket is
  // dropped a second before the server would drop it, instead of never.
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, timeout: 60_000 });
}

interface Attempt {
  readonly res?: http.IncomingMessage;
  readonly bytes: number;
  readonly err?: NodeJS.ErrnoException;
  /** The request went out on a socket an earlier request had used. */
  readonly reused: boolean;
  /** The error came before any response header. */
  readonly beforeResponse?: boolean;
}

function once(url: URL, o: GetOptions): Promise<Attempt> {
  return new Promise((resolve) => {
    let reused = false;
    let responded = false;
    const req = http.get(url, { agent: o.agent, headers: o.headers }, (res) => {
      responded = true;
      let bytes = 0;
      res.on("data", (c: Buffer) => {
        bytes += c.length;
      });
      res.on("end", () => {
        clearTimeout(deadline);
        resolve({ res, bytes, reused });
      });
      res.on("error", (err) => {
        clearTimeout(deadline);
        resolve({ bytes, err, reused });
      });
      // A socket destroyed mid-body may end the response with neither 'end' nor 'error'.
      res.on("close", () => {
        clearTimeout(deadline);
        if (!res.complete) resolve({ bytes, err: Object.assign(new Error("connection closed before the body ended"), { code: "EBODY" }), reused });
      });
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no complete answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    req.on("socket", () => {
      reused = req.reusedSocket;
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      resolve({ bytes: 0, err, reused, beforeResponse: !responded });
    });
  });
}

/** For the one retry: a new connection, as a browser opens after a stale kept-alive socket failed. */
const freshConnection = new http.Agent({ keepAlive: false });

export async function timedGet(url: URL, o: GetOptions): Promise<HttpResult> {
  const t = performance.now();
  let r = await once(url, o);
  let retried = false;
  if (r.err && r.reused && r.beforeResponse && (r.err.code === "ECONNRESET" || r.err.code === "EPIPE")) {
    retried = true;
    r = await once(url, { ...o, agent: freshConnection });
  }
  const ms = performance.now() - t;
  if (r.err || !r.res) {
    const e = r.err;
    return {
      status: 0,
      ms,
      bodyBytes: r.bytes,
      etag: undefined,
      retryAfter: undefined,
      contentEncoding: undefined,
      retried,
      error: `${e ? `${e.code ?? e.name}: ${e.message}` : "no response"}${r.reused ? " (on a kept-alive socket)" : ""}`,
    };
  }
  const h = r.res.headers;
  const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return {
    status: r.res.statusCode ?? 0,
    ms,
    bodyBytes: r.bytes,
    etag: header(h.etag),
    retryAfter: header(h["retry-after"]),
    contentEncoding: header(h["content-encoding"]),
    retried,
  };
}
