/** Command-line options of `npm run bench:live` (scripts/bench-live.ts). */
import { parseArgs } from "node:util";
import { toolsConfig } from "../../../lib/config/tools";

export const PHASES = ["sse", "poll", "burst", "queries", "chart"] as const;
export type PhaseName = (typeof PHASES)[number];

export const USAGE = `usage: npm run bench:live -- [--url http://127.0.0.1:3000] [--viewers 1,50,1000] [--phases ${PHASES.join(",")}]
         [--seconds 60] [--warmup 10] [--interval 5] [--commits 2]
         [--burst-size 300] [--burst-every 10] [--burst-seconds 70] [--burst-viewers 50]
         [--chart-runs 5] [--chromium /usr/bin/chromium] [--seed 1]
  Against a running dashboard (npm start). Trino figures (commit times, statements, micro-batches) read
  the demo instance's admin login from PULSE_LAKEHOUSE_DIR (default ./.lakehouse): run from the checkout
  that runs npm start, or set PULSE_LAKEHOUSE_DIR to its .lakehouse folder.
  phases: sse = SSE subscribers per --viewers level, each for --commits commits;
          poll = pollers per level, --warmup then --seconds s, polling every --interval s;
          burst = --burst-viewers pollers while one client fires --burst-size distinct custom ranges
                  every --burst-every s for --burst-seconds s;
          queries = count Trino statements during the sse and poll phases;
          chart = time to first chart on / (Chromium), warm.`;

export interface LiveBenchOptions {
  readonly url: string;
  readonly viewers: readonly number[];
  readonly phases: ReadonlySet<PhaseName>;
  readonly seconds: number;
  readonly warmupS: number;
  readonly intervalS: number;
  readonly commits: number;
  readonly burstSize: number;
  readonly burstEveryS: number;
  readonly burstSeconds: number;
  readonly burstViewers: number;
  readonly chartRuns: number;
  readonly chromium: string;
  readonly seed: number;
}

class UsageError extends Error {}

function intOption(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got ${raw})`);
  return n;
}

function listOption<T>(name: string, raw: string, item: (s: string) => T): T[] {
  const items = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) throw new UsageError(`--${name} needs at least one value`);
  return items.map(item);
}

function parse(argv: readonly string[]): LiveBenchOptions | "help" {
  const { values: opt } = parseArgs({
    args: [...argv],
    options: {
      url: { type: "string", default: "http://127.0.0.1:3000" },
      viewers: { type: "string", default: "1,50,1000" },
      phases: { type: "string", default: PHASES.join(",") },
      seconds: { type: "string", default: "60" },
      warmup: { type: "string", default: "10" },
      interval: { type: "string", default: "5" },
      commits: { type: "string", default: "2" },
      "burst-size": { type: "string", default: "300" },
      "burst-every": { type: "string", default: "10" },
      "burst-seconds": { type: "string", default: "70" },
      "burst-viewers": { type: "string", default: "50" },
      "chart-runs": { type: "string", default: "5" },
      chromium: { type: "string", default: toolsConfig().PULSE_CHROMIUM },
      seed: { type: "string", default: "1" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (opt.help) return "help";
  let url: URL;
  try {
    url = new URL(opt.url);
  } catch {
    throw new UsageError(`--url must be an absolute http URL (got ${opt.url})`);
  }
  if (url.protocol !== "http:") throw new UsageError(`--url must be http:// (the dashboard's own port; got ${opt.url})`);
  const phases = new Set(
    listOption("phases", opt.phases, (p) => {
      if (!(PHASES as readonly string[]).includes(p)) throw new UsageError(`--phases: unknown phase ${p} (phases: ${PHASES.join(", ")})`);
      return p as PhaseName;
    }),
  );
  if (phases.has("queries") && !phases.has("sse") && !phases.has("poll"))
    throw new UsageError("--phases queries counts statements during sse or poll: add one");
  return {
    url: url.origin,
    viewers: [...new Set(listOption("viewers", opt.viewers, (v) => intOption("viewers", v, 1, 5000)))],
    phases,
    seconds: intOption("seconds", opt.seconds, 5, 3600),
    warmupS: intOption("warmup", opt.warmup, 0, 600),
    intervalS: intOption("interval", opt.interval, 1, 300),
    commits: intOption("commits", opt.commits, 1, 10),
    burstSize: intOption("burst-size", opt["burst-size"], 1, 5000),
    burstEveryS: intOption("burst-every", opt["burst-every"], 1, 600),
    burstSeconds: intOption("burst-seconds", opt["burst-seconds"], 1, 3600),
    burstViewers: intOption("burst-viewers", opt["burst-viewers"], 0, 5000),
    chartRuns: intOption("chart-runs", opt["chart-runs"], 1, 100),
    chromium: opt.chromium,
    seed: intOption("seed", opt.seed, 0, 2 ** 31 - 1),
  };
}

/** The options, or exits: 0 after printing the usage for --help, 2 with the usage for bad options. */
export function parseOptions(argv: readonly string[]): LiveBenchOptions {
  let parsed: LiveBenchOptions | "help";
  try {
    parsed = parse(argv);
  } catch (err) {
    // parseArgs throws TypeErrors for unknown or malformed options; ours are UsageErrors.
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed === "help") {
    console.log(USAGE);
    process.exit(0);
  }
  return parsed;
}

/** Every option's value, defaults included, for the report header. */
export function describeOptions(o: LiveBenchOptions): string {
  return [
    `--url ${o.url} --viewers ${o.viewers.join(",")} --phases ${[...o.phases].join(",")}`,
    `--seconds ${o.seconds} --warmup ${o.warmupS} --interval ${o.intervalS} --commits ${o.commits}`,
    `--burst-size ${o.burstSize} --burst-every ${o.burstEveryS} --burst-seconds ${o.burstSeconds} --burst-viewers ${o.burstViewers}`,
    `--chart-runs ${o.chartRuns} --chromium ${o.chromium} --seed ${o.seed}`,
  ].join(" ");
}
