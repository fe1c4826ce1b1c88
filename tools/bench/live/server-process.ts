/**
 * The dashboard server process under test, seen from outside: which pid listens on the benchmark's
 * port (`ss -ltnp`, else the demo's dashboard.pid), and its resident memory (VmRSS, VmHWM) and CPU
 * time from /proc, sampled every second during a phase. Only the listener is measured: `next start`
 * serves from that process.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The pids `ss -ltnpH` lists as holding a listening socket on `port` (any address). */
export function listenerPids(ssOutput: string, port: number): number[] {
  const pids = new Set<number>();
  for (const line of ssOutput.split("\n")) {
    const cols = line.trim().split(/\s+/);
    // State Recv-Q Send-Q Local:Port Peer:Port [users:((...))]
    const local = cols[3];
    if (cols[0] !== "LISTEN" || local === undefined || !local.endsWith(`:${port}`)) continue;
    for (const m of line.matchAll(/pid=(\d+)/g)) pids.add(Number(m[1]));
  }
  return [...pids];
}

/** A `kB` field of /proc/<pid>/status (VmRSS, VmHWM), in kB; undefined when absent. */
export function statusKb(status: string, field: "VmRSS" | "VmHWM"): number | undefined {
  const m = new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, "m").exec(status);
  return m ? Number(m[1]) : undefined;
}

/** Field `n` (1-based, as proc(5) numbers them) of /proc/<pid>/stat. The command name may hold spaces and parentheses: fields count from the last ')'. */
function statField(stat: string, n: number): number {
  const rest = stat
    .slice(stat.lastIndexOf(")") + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state).
  const v = Number(rest[n - 3]);
  if (!Number.isFinite(v)) throw new Error(`unreadable /proc stat field ${n}: ${stat.slice(0, 80)}`);
  return v;
}

/** utime + stime (fields 14 and 15) of /proc/<pid>/stat, in clock ticks. */
export const cpuTicks = (stat: string): number => statField(stat, 14) + statField(stat, 15);

/** A process's CPU seconds so far (utime + stime of every thread), or undefined when it is gone. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    return cpuTicks(fs.readFileSync(`/proc/${pid}/stat`, "utf8")) / clockTicks();
  } catch {
    return undefined;
  }
}

/** starttime (field 22) of /proc/<pid>/stat: clock ticks after boot. */
export const startTicks = (stat: string): number => statField(stat, 22);

/** When the process started, epoch ms (boot time from /proc/stat plus its start ticks); undefined when unreadable. */
export function processStartedAt(pid: number): number | undefined {
  try {
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync("/proc/stat", "utf8"));
    if (!btime) return undefined;
    return Number(btime[1]) * 1000 + (startTicks(fs.readFileSync(`/proc/${pid}/stat`, "utf8")) / clockTicks()) * 1000;
  } catch {
    return undefined;
  }
}

/** /proc/<pid>/schedstat of a thread: time on a CPU and time runnable but waiting for one (run queue), ms. */
export function schedstat(text: string): { runMs: number; waitMs: number } {
  const [run, wait] = text.trim().split(/\s+/).map(Number);
  if (!Number.isFinite(run) || !Number.isFinite(wait)) throw new Error(`unreadable schedstat: ${text.slice(0, 80)}`);
  return { runMs: run! / 1e6, waitMs: wait! / 1e6 };
}

/** A counter of /proc/net/netstat (or /proc/net/snmp): a header line and a value line per prefix, e.g. TcpExt ListenOverflows. */
export function netstatCounter(text: string, prefix: string, name: string): number | undefined {
  const lines = text.split("\n").filter((l) => l.startsWith(`${prefix}:`));
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const names = lines[i]!.split(/\s+/).slice(1);
    const values = lines[i + 1]!.split(/\s+/).slice(1);
    const at = names.indexOf(name);
    if (at >= 0 && values[at] !== undefined) return Number(values[at]);
  }
  return undefined;
}

/** Connections the kernel could not queue for accept() on any listening socket of this machine, since boot. */
export function listenOverflows(): number | undefined {
  try {
    return netstatCounter(fs.readFileSync("/proc/net/netstat", "utf8"), "TcpExt", "ListenOverflows");
  } catch {
    return undefined;
  }
}

export interface Listener {
  readonly pid: number;
  /** How it was found, for the report. */
  readonly how: string;
}

/** The process serving `url` on this machine, or why it cannot be measured. */
export function findListener(url: URL, lakehouseDir: string): Listener | string {
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) return `${url.hostname} is not this machine`;
  const port = Number(url.port || 80);
  try {
    const pids = listenerPids(execFileSync("ss", ["-ltnpH"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }), port);
    if (pids.length > 0) return { pid: pids[0]!, how: `ss -ltnp: pid ${pids.join(", ")} listen${pids.length === 1 ? "s" : ""} on :${port}` };
  } catch {
    // no ss, or not allowed to see other users' sockets: try the pid file
  }
  const pidFile = path.join(lakehouseDir, "main", "dashboard.pid");
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
    if (Number.isInteger(pid) && fs.existsSync(`/proc/${pid}/status`)) return { pid, how: `${pidFile}: pid ${pid}` };
  } catch {
    // no pid file
  }
  return `no listener found on :${port} (ss -ltnp, ${pidFile})`;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

export interface ProcessReading {
  readonly at: number;
  readonly rssKb: number;
  readonly hwmKb: number;
  /** CPU seconds used since the process started. */
  readonly cpuS: number;
  /** Seconds its main thread (where Node runs JavaScript) was runnable but waiting for a CPU, since it started. */
  readonly waitS: number;
  /** TcpExt ListenOverflows of the whole machine at that moment. */
  readonly overflows: number | undefined;
}

export function readProcess(pid: number): ProcessReading | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const sched = schedstat(fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8"));
    const rssKb = statusKb(status, "VmRSS");
    const hwmKb = statusKb(status, "VmHWM");
    if (rssKb === undefined || hwmKb === undefined) return undefined;
    return { at: Date.now(), rssKb, hwmKb, cpuS: cpuTicks(stat) / clockTicks(), waitS: sched.waitMs / 1000, overflows: listenOverflows() };
  } catch {
    return undefined;
  }
}

export interface ServerUsage {
  readonly before: ProcessReading | undefined;
  /** Largest RSS sampled during the phase, kB. */
  readonly maxRssKb: number;
  readonly last: ProcessReading | undefined;
  /** The process's CPU use during the phase, % of one core. */
  readonly cpuPct: number;
  /** % of the phase its main thread spent runnable but waiting for a CPU (other processes had them). */
  readonly waitPct: number;
  /** Machine-wide accept-queue overflows during the phase (TcpExt ListenOverflows). */
  readonly listenOverflows: number;
  /** The process was gone at some sample (crashed or restarted). */
  readonly vanished: boolean;
}

/** Samples a pid every second from start() until stop(). */
export class ProcessSampler {
  private timer: NodeJS.Timeout | undefined;
  private before: ProcessReading | undefined;
  private last: ProcessReading | undefined;
  private maxRssKb = NaN;
  private vanished = false;

  constructor(private readonly pid: number | undefined) {}

  start(): void {
    if (this.pid === undefined) return;
    this.before = this.sample();
    this.timer = setInterval(() => this.sample(), 1_000);
    this.timer.unref();
  }

  stop(): ServerUsage {
    if (this.timer) clearInterval(this.timer);
    if (this.pid !== undefined) this.sample();
    const b = this.before;
    const l = this.last;
    const span = b && l && l.at > b.at ? (l.at - b.at) / 1000 : NaN;
    const cpuPct = b && l ? (100 * (l.cpuS - b.cpuS)) / span : NaN;
    const waitPct = b && l ? (100 * (l.waitS - b.waitS)) / span : NaN;
    const listenOverflows = b?.overflows !== undefined && l?.overflows !== undefined ? l.overflows - b.overflows : NaN;
    return { before: b, maxRssKb: this.maxRssKb, last: l, cpuPct, waitPct, listenOverflows, vanished: this.vanished };
  }

  private sample(): ProcessReading | undefined {
    const r = this.pid === undefined ? undefined : readProcess(this.pid);
    if (!r) {
      this.vanished = true;
      return undefined;
    }
    this.last = r;
    if (!(r.rssKb <= this.maxRssKb)) this.maxRssKb = r.rssKb;
    return r;
  }
}

export const mib = (kb: number | undefined) => (kb === undefined || !Number.isFinite(kb) ? "n/a" : `${(kb / 1024).toFixed(0)} MiB`);

const pct = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} %` : "n/a");

/** CPU figures of a phase for the report: what the server used, how long it waited for a CPU, and the kernel's accept-queue overflows. */
export function cpuLine(u: ServerUsage): string {
  return `CPU ${pct(u.cpuPct)} of a core, main thread runnable but waiting for a CPU ${pct(u.waitPct)} of the time; accept-queue overflows (whole machine) ${Number.isFinite(u.listenOverflows) ? u.listenOverflows : "n/a"}${u.vanished ? "; THE PROCESS WAS GONE AT SOME SAMPLE" : ""}`;
}
