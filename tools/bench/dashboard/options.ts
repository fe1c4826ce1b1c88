/** Command-line options of `npm run bench:dashboard` (scripts/bench-dashboard.ts). */

import { parseArgs } from "node:util";
import { toolsConfig } from "../../../lib/config/tools";
import { instanceSettings, serverUrl } from "../../../lib/lakehouse/settings";

export const USAGE = `usage: npx tsx scripts/bench-dashboard.ts [--port N] [--viewers N] [--seconds N] [--interval S] [--runs N]
                                         [--trino URL] [--chromium PATH] [--no-build] [--seed N]`;

export interface BenchOptions {
  /** Undefined: the first free port of 3300..3319. */
  readonly port: number | undefined;
  readonly viewers: number;
  readonly seconds: number;
  readonly intervalS: number;
  readonly runs: number;
  readonly trinoUrl: string;
  readonly chromium: string;
  readonly noBuild: boolean;
  readonly seed: number;
}

class UsageError extends Error {}

function intOption(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got ${raw})`);
  return n;
}

function parse(argv: readonly string[]): BenchOptions | "help" {
  const { values: opt } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      viewers: { type: "string", default: "50" },
      seconds: { type: "string", default: "60" },
      interval: { type: "string", default: "5" },
      runs: { type: "string", default: "7" },
      // Defaults from the settings: the demo Trino that `npm start` runs, the configured Chromium.
      trino: { type: "string", default: serverUrl(instanceSettings("main")) },
      chromium: { type: "string", default: toolsConfig().PULSE_CHROMIUM },
      "no-build": { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (opt.help) return "help";
  return {
    port: opt.port === undefined ? undefined : intOption("port", opt.port, 1024, 65535),
    viewers: intOption("viewers", opt.viewers, 1, 1000),
    seconds: intOption("seconds", opt.seconds, 5, 3600),
    intervalS: intOption("interval", opt.interval, 1, 300),
    runs: intOption("runs", opt.runs, 1, 100),
    trinoUrl: opt.trino.replace(/\/+$/, ""),
    chromium: opt.chromium,
    noBuild: opt["no-build"],
    seed: intOption("seed", opt.seed, 0, 2 ** 31 - 1),
  };
}

/** The options, or exits: 0 after printing the usage for --help, 2 with the usage for bad options. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let parsed: BenchOptions | "help";
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

/** The options as one line, for the report header. */
export function describeOptions(o: BenchOptions, port: number): string {
  return `--port ${port} --viewers ${o.viewers} --seconds ${o.seconds} --interval ${o.intervalS} --runs ${o.runs} --trino ${o.trinoUrl} --seed ${o.seed}${o.noBuild ? " --no-build" : ""}`;
}
