/**
 * Local TCP port checks shared by the Trino launcher and the benchmarks. A port counts as free when
 * this process can bind it on 127.0.0.1 (where every Pulse service listens) and release it again.
 */
import net from "node:net";

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/**
 * Whether the port is free, or becomes free within `withinMs`: a server killed a moment ago may
 * hold its port for a short while after its process is gone.
 */
export async function portFreeWithin(port: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await portIsFree(port)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first free port in [from, to], checked in order (so runs on a quiet machine pick the same port). */
export async function pickFreePort(from: number, to: number): Promise<number> {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new RangeError(`not a port range: ${from}-${to}`);
  for (let port = from; port <= to; port++) if (await portIsFree(port)) return port;
  throw new Error(`ports ${from}-${to} on 127.0.0.1 are all in use`);
}
