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

/** The first free port in [from, to], checked in order (so runs on a quiet machine pick the same port). */
export async function pickFreePort(from: number, to: number): Promise<number> {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) throw new RangeError(`not a port range: ${from}-${to}`);
  for (let port = from; port <= to; port++) if (await portIsFree(port)) return port;
  throw new Error(`ports ${from}-${to} on 127.0.0.1 are all in use`);
}
