/**
 * Every environment variable Pulse reads, defined once: its zod schema (with the default), which
 * process kinds read it, and the line that documents it. The server module (./server.ts) and the
 * tools module (./tools.ts) are views of this one table, and `.env.example` is generated from it
 * (`npm run env:example`; a unit test fails when the committed file differs).
 */
import { z } from "zod";

/** `server`: the dashboard (Next) process. `tools`: npm start, the lakehouse command, tests, benchmarks. */
export type ProcessKind = "server" | "tools";

export interface VariableDefinition<T extends z.ZodType = z.ZodType> {
  readonly schema: T;
  readonly kinds: readonly ProcessKind[];
  /** One line for `.env.example`. */
  readonly doc: string;
  /** Set by Pulse's own launchers for their children; not for people, so not in `.env.example`. */
  readonly internal?: boolean;
  /** Shown in `.env.example` instead of the default (secrets, machine-specific paths). */
  readonly example?: string;
}

const port = (fallback: number) => z.coerce.number().int().min(1024).max(65535).default(fallback);
/** A port with no fixed default: unset, its default is derived from another port (see lib/lakehouse/settings.ts). */
const derivedPort = z.coerce.number().int().min(1024).max(65535).optional();
const flag = z.enum(["0", "1"]).default("0");
/** A PostgreSQL connection URL (the catalog's, the operational store's), or unset. */
const postgresUrl = z
  .url({ error: "must be a URL such as postgres://user:password@127.0.0.1:15432/pulse" })
  .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// URL")
  .optional();

const optionalText = z.string().min(1).optional();

/** The helper keeps each entry's schema type, so the views below infer exact output types. */
const define = <T extends z.ZodType>(d: VariableDefinition<T>) => d;

export const VARIABLES = {
  // ---- Trino as the dashboard sees it
  TRINO_URL: define({
    schema: z.url({ error: "must be a URL such as https://127.0.0.1:18080" }).default("https://127.0.0.1:18080"),
    kinds: ["server"],
    doc: "Trino coordinator the dashboard queries (`npm start` sets it to its own local Trino).",
  }),
  TRINO_USER: define({
    schema: z.string().min(1).default("pulse_dashboard"),
    kinds: ["server"],
    doc: "The read-only user; Trino's access rules let it SELECT and nothing else.",
  }),
  TRINO_PASSWORD: define({
    schema: optionalText,
    kinds: ["server"],
    doc: "TRINO_USER's password (Trino takes passwords only over HTTPS). `npm start` passes the local lakehouse's generated one.",
    example: "",
  }),
  TRINO_CA_FILE: define({
    schema: optionalText,
    kinds: ["server"],
    doc: "PEM file of the certificate(s) to trust for TRINO_URL instead of Node's roots; `npm start` passes the local Trino's own. Empty: Node's roots.",
    example: "",
  }),
  TRINO_CATALOG: define({
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, "must be a plain catalog name")
      .default("lakehouse"),
    kinds: ["server"],
    doc: "Iceberg catalog holding Pulse's schemas.",
  }),
  TRINO_QUERY_TIMEOUT_MS: define({
    schema: z.coerce.number().int().min(1000).max(600_000).default(20_000),
    kinds: ["server"],
    doc: "Per-query deadline; an overrunning query is cancelled in Trino.",
  }),
  PULSE_RT_CACHE_SECONDS: define({
    schema: z.coerce.number().min(1).max(3600).default(10),
    kinds: ["server"],
    doc: "Result cache period of real-time panels: identical queries cost one Trino query per period, however many viewers poll.",
  }),
  PULSE_DAILY_CACHE_SECONDS: define({
    schema: z.coerce.number().min(1).max(86_400).default(60),
    kinds: ["server"],
    doc: "Result cache period of the daily-mart panels.",
  }),
  PULSE_CATALOG_DB_URL: define({
    schema: postgresUrl,
    kinds: ["server"],
    doc: "PostgreSQL of the Iceberg JDBC catalog, read by the live watcher: a commit is an UPDATE of a catalog row, so polling it every PULSE_LIVE_PROBE_MS learns of commits without a Trino query. `npm start` sets it. Empty: the watcher asks Trino every PULSE_LIVE_TRINO_PROBE_SECONDS.",
    example: "",
  }),
  PULSE_CATALOG_DB_CATALOG_NAME: define({
    schema: optionalText,
    kinds: ["server"],
    doc: "The JDBC catalog's name in its tables (Trino's iceberg.jdbc-catalog.catalog-name). Empty: TRINO_CATALOG.",
    example: "",
  }),
  PULSE_LIVE_PROBE_MS: define({
    schema: z.coerce.number().int().min(200).max(10_000).default(1000),
    kinds: ["server"],
    doc: "How often the live watcher polls the catalog database for new commits (a one-row PostgreSQL read); new data reaches viewers within about this long.",
  }),
  PULSE_LIVE_TRINO_PROBE_SECONDS: define({
    schema: z.coerce.number().int().min(2).max(600).default(15),
    kinds: ["server"],
    doc: "Without PULSE_CATALOG_DB_URL (e.g. attached to a Trino whose catalog Pulse cannot read): how often the watcher asks Trino for the committed watermark. Each probe is a Trino statement.",
  }),
  PULSE_HEALTH_CACHE_SECONDS: define({
    schema: z.coerce.number().min(1).max(600).default(30),
    kinds: ["server"],
    doc: "How long /api/health reuses its Trino check: every open page polls it, so this bounds its Trino statements (30 s: 2 a minute) however many watch.",
  }),
  PULSE_SUPERVISION_FILE: define({
    schema: optionalText,
    kinds: ["server"],
    doc: "The supervisor's status file (which local server is down, since when, how many restarts), shown by /api/health and the nav. `npm start` passes its instance's (.lakehouse/<instance>/supervision.json); unset in attach mode, where Pulse supervises no server.",
    example: "",
  }),
  PULSE_DASHBOARD_MAX_QUERIES: define({
    schema: z.coerce.number().int().min(1).max(64).default(4),
    kinds: ["server", "tools"],
    doc: "Trino queries the dashboard runs at once (K); more wait in its queue, shared views first. Trino's dashboard resource group is capped at K + 2 (from the next `npm start` or `lakehouse up`). 4 suits the local single node (2 cores, task.concurrency=2): more at once only share the same cores and all finish later.",
  }),
  PULSE_QUEUE_DEADLINE_MS: define({
    schema: z.coerce.number().int().min(0).max(60_000).default(800),
    kinds: ["server"],
    doc: "How long a one-off request (a custom range) may wait for a query slot before it is answered 503 with Retry-After; at most 2 x K wait, more are answered 503 at once.",
  }),
  PULSE_SHARED_QUEUE_DEADLINE_MS: define({
    schema: z.coerce.number().int().min(0).max(600_000).default(5_000),
    kinds: ["server"],
    doc: "The same for views many people watch (preset ranges, trending, KPIs, video pages, daily marts): they go first and wait longer, since one answer serves all their viewers, but not the whole query timeout on top of it.",
  }),
  PULSE_ADHOC_ANSWER_MS: define({
    schema: z.coerce.number().int().min(0).max(600_000).default(900),
    kinds: ["server"],
    doc: "How long a one-off request (a custom range) may take in all, queue and Trino, before it is answered 503 with Retry-After while its query goes on into the cache, so the retry gets the data; 0 waits for the query.",
  }),
  PULSE_OPS_DB_URL: define({
    schema: postgresUrl,
    kinds: ["server"],
    doc: "PostgreSQL of Pulse's operational store (schema pulse_ops: annotations, later alert rules and saved views). `npm start` sets it to the instance's own database. Empty: those features answer 503 and the read-only pages work as before.",
  }),
  PULSE_API_TOKEN: define({
    schema: z
      .string()
      .regex(/^[A-Za-z0-9._~+/=-]{24,512}$/, "must be 24 to 512 URL-safe characters")
      .optional(),
    kinds: ["server"],
    doc: "Bearer token of the write API (POST /api/annotations, DELETE /api/annotations/[id]): `Authorization: Bearer <token>`. `npm start` generates one per instance (.lakehouse/<instance>/api-token). Empty: writes are refused with 403.",
    example: "",
  }),
  PULSE_ALERT_WEBHOOK_URL: define({
    schema: z
      .url({ error: "must be an http(s) URL, e.g. a Slack incoming webhook" })
      .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL")
      .optional(),
    kinds: ["server"],
    doc: "Where alerts go when their rule names no webhook of its own (Slack-compatible JSON). Unset: such rules alert in the app only.",
    example: "",
  }),
  PULSE_ALERT_MAX_ATTEMPTS: define({
    schema: z.coerce.number().int().min(1).max(20).default(8),
    kinds: ["server"],
    doc: "Webhook attempts per alert event before it is dead-lettered (shown on the alerts page, with the last error).",
  }),
  PULSE_ALERT_RETRY_BASE_MS: define({
    schema: z.coerce.number().int().min(50).max(600_000).default(2_000),
    kinds: ["server"],
    doc: "First retry delay of a failed webhook attempt; each further retry waits twice as long (at most 5 minutes).",
  }),
  PULSE_PUBLIC_URL: define({
    schema: z.url({ error: "must be an absolute URL such as https://pulse.example.com" }).default("http://localhost:3000"),
    kinds: ["server"],
    doc: "Absolute base URL used in the Open Graph tags of shared links.",
  }),
  PULSE_PARENT_PID: define({
    schema: z.coerce.number().int().positive().optional(),
    kinds: ["server"],
    doc: "Pid of the process that started this dashboard server; the server exits when that process is gone.",
    internal: true,
  }),
  PULSE_DASHBOARD_OWNER_FILE: define({
    schema: optionalText,
    kinds: ["server"],
    doc: "File holding the pid of the main command that owns this dashboard server; a restarted main command writes its own pid there and so takes the running server over.",
    internal: true,
  }),
  PULSE_DASHBOARD_CACHE_FILE: define({
    schema: optionalText,
    kinds: ["server"],
    doc: "File where the dashboard server keeps its last good query results, so after a restart it answers from them (stale, with their age) before Trino does.",
    internal: true,
  }),
  PULSE_DASHBOARD_ORPHAN_GRACE_SECONDS: define({
    schema: z.coerce.number().int().min(1).max(3600).default(90),
    kinds: ["server"],
    doc: "How long a dashboard whose main command died keeps serving (stale data with its age) while a restarted main command may take it over; after that it exits.",
  }),

  // ---- the local lakehouse and the commands around it
  PULSE_DASHBOARD_PORT: define({ schema: port(3000), kinds: ["tools"], doc: "Port of the dashboard `npm start` serves." }),
  PULSE_TRINO_PORT: define({
    schema: port(18080),
    kinds: ["tools"],
    doc: "HTTPS port of the demo Trino (bound to 127.0.0.1 only; it has no plain HTTP port).",
  }),
  PULSE_TEST_TRINO_PORT: define({ schema: port(18180), kinds: ["tools"], doc: "HTTPS port of the test suite's Trino." }),
  PULSE_PG_PORT: define({
    schema: port(15432),
    kinds: ["tools"],
    doc: "Port of the demo's PostgreSQL (the Iceberg catalog and Pulse's operational store; bound to 127.0.0.1 only).",
  }),
  PULSE_TEST_PG_PORT: define({ schema: port(15532), kinds: ["tools"], doc: "Port of the test suite's PostgreSQL." }),
  PULSE_SOAK_TRINO_PORT: define({
    schema: port(18700),
    kinds: ["tools"],
    doc: "HTTPS port of the chaos soak's own lakehouse (npm run soak); its Kafka takes the port 7 above, as every instance's does.",
  }),
  PULSE_SOAK_PG_PORT: define({ schema: port(16000), kinds: ["tools"], doc: "Port of the chaos soak's PostgreSQL." }),
  PULSE_SOAK_DASHBOARD_PORT: define({ schema: port(3400), kinds: ["tools"], doc: "Port of the chaos soak's dashboard, which its simulated viewers poll." }),
  PULSE_E2E_PORT: define({ schema: port(3100), kinds: ["tools"], doc: "Port of the dashboard the browser tests start." }),
  PULSE_PRODUCER_RECORD: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "File where npm start's simulator records each publish (event ids and dimension changes, then the broker's acknowledgement); the chaos soak (npm run soak) checks the lakehouse against it. Off when unset.",
    example: "",
  }),
  PULSE_LAKEHOUSE_DIR: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "Instance folders (main/, test/, cluster/): etc/, node/ (Trino logs, pid), workers/, warehouse/ or s3proxy/, postgres/, secrets/. Default: ./.lakehouse",
    example: "",
  }),
  PULSE_TRINO_CACHE: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "Unpacked Trino, shared by every instance and clone. Default: ~/.cache/pulse/trino-476",
    example: "",
  }),
  PULSE_TRINO_HEAP_GB: define({
    schema: z.coerce.number().int().min(1).max(64).optional(),
    kinds: ["tools"],
    doc: "Heap of the demo Trino. Default: half of RAM, 2..12 GB.",
    example: "",
  }),
  PULSE_STORAGE: define({
    schema: z.enum(["local", "s3"]).optional(),
    kinds: ["tools"],
    doc: "Where the demo's warehouse lives: local (files under the instance) or s3 (an S3Proxy server the lakehouse starts). Fixed when an instance is created; empty: the instance's own, local for a new one.",
    example: "",
  }),
  PULSE_WORKERS: define({
    schema: z.coerce.number().int().min(0).max(4).default(0),
    kinds: ["tools"],
    doc: "Trino workers of the demo, each its own JVM on this machine (0: one node that is coordinator and worker). `up --workers N` overrides it.",
  }),
  PULSE_S3PROXY_PORT: define({
    schema: derivedPort,
    kinds: ["tools"],
    doc: "Port of the demo's S3Proxy (storage s3, bound to 127.0.0.1 only). Default: PULSE_TRINO_PORT + 9",
    example: "",
  }),
  PULSE_S3PROXY_CACHE: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "Where the S3Proxy jar is kept, shared by every instance and clone. Default: ~/.cache/pulse/s3proxy-2.7.0",
    example: "",
  }),
  PULSE_KAFKA_CACHE: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "Where Apache Kafka's jars (from Maven Central) are kept, shared by every instance and clone. Default: ~/.cache/pulse/kafka-4.1.1",
    example: "",
  }),
  PULSE_CLUSTER_TEST_TRINO_PORT: define({
    schema: derivedPort,
    kinds: ["tools"],
    doc: "HTTPS port of the cluster smoke's coordinator (`npm run test:cluster`); its workers take the next ports, its S3Proxy +9. Default: PULSE_TEST_TRINO_PORT + 50",
    example: "",
  }),
  PULSE_CLUSTER_TEST_PG_PORT: define({
    schema: derivedPort,
    kinds: ["tools"],
    doc: "Port of the cluster smoke's PostgreSQL. Default: PULSE_TEST_PG_PORT + 50",
    example: "",
  }),
  PULSE_VELOCITY_WINDOW_MINUTES: define({
    schema: z.coerce.number().int().min(2).max(120).default(15),
    kinds: ["tools", "server"],
    doc: "N of the velocity views (re-run `npm run lakehouse -- migrate` after changing it); the dashboard's live video series computes the same formula from its minute log.",
  }),
  PULSE_MICROBATCH_EVERY_SECONDS: define({
    schema: z.coerce.number().int().min(15).max(300).default(60),
    kinds: ["tools"],
    doc: "How often the live micro-batch runs (the seed's trigger is one minute). An event waits for the next batch up to this long, so it sets the real-time log's lag: at 60 s the ingest-to-visible p95 is about 57 s plus the batch's own duration. Shorter means more commits, and more dashboard recomputations, a minute.",
  }),
  PULSE_RT_TTL_DAYS: define({
    schema: z.coerce.number().int().min(1).max(90).default(9),
    kinds: ["tools"],
    doc: "Days of the real-time log (and its rollup) that maintenance keeps. The seed's 7 left nothing to compare with: week-ago overlays and alert baselines need 7 days plus the range (24 h) plus a margin.",
  }),
  PULSE_NEXT_DIST_DIR: define({
    schema: z
      .string()
      .regex(/^\.[A-Za-z0-9._-]+$/, "must be a dot-folder name such as .next-test")
      .default(".next"),
    kinds: ["tools"],
    doc: "Build folder of the dashboard; the tests build into their own so a running `npm start` is never disturbed.",
  }),
  PULSE_CHROMIUM: define({
    schema: z.string().min(1).default("/usr/bin/chromium"),
    kinds: ["tools"],
    doc: "Chromium used by the browser tests and benchmarks (Debian's; Playwright never downloads one).",
  }),
  PULSE_TEST_KEEP: define({ schema: flag, kinds: ["tools"], doc: "1 keeps the test Trino and PostgreSQL running between test runs while iterating." }),
  PULSE_TEST_INSTANCE: define({ schema: flag, kinds: ["tools"], doc: "Set by the test runner: integration tests may touch the test Trino.", internal: true }),
  // ---- attach mode: Pulse on a lakehouse it does not run (lib/lakehouse/attach.ts)
  PULSE_ATTACH_TRINO_URL: define({
    schema: z
      .url({ error: "must be a URL such as https://trino.example.com:8443" })
      .refine((u) => u.startsWith("https://"), "must be an https:// URL: Pulse sends passwords over HTTPS only")
      .optional(),
    kinds: ["tools"],
    doc: "Attach mode when set: Pulse starts no Trino, PostgreSQL or simulator and uses this Trino (HTTPS only) instead.",
    example: "",
  }),
  PULSE_ATTACH_CATALOG: define({
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, "must be a plain catalog name")
      .default("lakehouse"),
    kinds: ["tools"],
    doc: "Iceberg catalog of the attached Trino that holds (or is to hold) Pulse's schemas.",
  }),
  PULSE_ATTACH_CA_FILE: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "PEM file of the certificate(s) to trust for PULSE_ATTACH_TRINO_URL instead of Node's roots. Empty: Node's roots.",
    example: "",
  }),
  PULSE_ATTACH_USER: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "User for every role on the attached Trino (migrations, jobs, dashboard), unless a role's own is set below.",
    example: "",
  }),
  PULSE_ATTACH_PASSWORD: define({ schema: optionalText, kinds: ["tools"], doc: "PULSE_ATTACH_USER's password.", example: "" }),
  PULSE_ATTACH_ADMIN_USER: define({ schema: optionalText, kinds: ["tools"], doc: "User that runs `migrate` (creates schemas, tables, views).", example: "" }),
  PULSE_ATTACH_ADMIN_PASSWORD: define({ schema: optionalText, kinds: ["tools"], doc: "PULSE_ATTACH_ADMIN_USER's password.", example: "" }),
  PULSE_ATTACH_WRITER_USER: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "User the jobs write data as (microbatch, daily, maintain, --jobs).",
    example: "",
  }),
  PULSE_ATTACH_WRITER_PASSWORD: define({ schema: optionalText, kinds: ["tools"], doc: "PULSE_ATTACH_WRITER_USER's password.", example: "" }),
  PULSE_ATTACH_DASHBOARD_USER: define({ schema: optionalText, kinds: ["tools"], doc: "User the dashboard reads as (read-only is enough).", example: "" }),
  PULSE_ATTACH_DASHBOARD_PASSWORD: define({ schema: optionalText, kinds: ["tools"], doc: "PULSE_ATTACH_DASHBOARD_USER's password.", example: "" }),
  PULSE_ATTACH_MAINTENANCE_RETENTION: define({
    schema: z
      .string()
      .regex(/^[0-9]+(ms|s|m|h|d)$/, "must be a Trino duration such as 7d or 12h")
      .default("7d"),
    kinds: ["tools"],
    doc: "Snapshot expiry and orphan-file retention of `maintain` on the attached catalog; not below its iceberg.*.min-retention (7d by default).",
  }),
  PULSE_TEST_FOREIGN_TRINO_PORT: define({
    schema: derivedPort,
    kinds: ["tools"],
    doc: "HTTPS port of the attach test's stand-in for another team's Trino. Default: PULSE_TEST_TRINO_PORT + 30.",
    example: "",
  }),
  PULSE_TEST_FOREIGN_PG_PORT: define({
    schema: derivedPort,
    kinds: ["tools"],
    doc: "Port of that stand-in's PostgreSQL. Default: PULSE_TEST_PG_PORT + 30.",
    example: "",
  }),
  PULSE_TEST_FOREIGN_DASHBOARD_PORT: define({
    schema: derivedPort,
    kinds: ["tools"],
    doc: "Port of the dashboard the attach test serves from the stand-in. Default: PULSE_E2E_PORT + 80.",
    example: "",
  }),
  PULSE_TEST_TARGET: define({
    schema: z.enum(["test", "cluster"]).default("test"),
    kinds: ["tools"],
    doc: "Set by the test runner: which instance the integration tests' fixtures talk to (cluster: the cluster smoke's).",
    internal: true,
  }),
  JAVA_HOME: define({ schema: optionalText, kinds: ["tools"], doc: "A JDK 24+ for Trino; default: the newest under /usr/lib/jvm.", example: "" }),
  MAVEN_REPO_LOCAL: define({
    schema: optionalText,
    kinds: ["tools"],
    doc: "Maven's local repository, where Trino's artifacts are fetched to. Default: ~/.m2/repository",
    example: "",
  }),
} as const;

export type VariableName = keyof typeof VARIABLES;
type Vars = typeof VARIABLES;
type NamesOf<K extends ProcessKind> = { [N in VariableName]: K extends Vars[N]["kinds"][number] ? N : never }[VariableName];
export type ConfigOf<K extends ProcessKind> = { readonly [N in NamesOf<K>]: z.output<Vars[N]["schema"]> };

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Validates the variables of one process kind; every bad one is named in one error. */
export function parseConfig<K extends ProcessKind>(kind: K, env: Readonly<Record<string, string | undefined>>): ConfigOf<K> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, def] of Object.entries(VARIABLES) as [VariableName, VariableDefinition][]) {
    if (!def.kinds.includes(kind)) continue;
    // An empty value means unset, as in a .env file line `NAME=`.
    const raw = env[name] === "" ? undefined : env[name];
    const parsed = def.schema.safeParse(raw);
    if (parsed.success) out[name] = parsed.data;
    else problems.push(`${name}=${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  }
  if (problems.length) throw new ConfigError(`invalid ${kind} configuration: ${problems.join("; ")}`);
  return out as ConfigOf<K>;
}

/** The text of `.env.example`: every variable people may set, with its line of documentation. */
export function envExample(): string {
  const lines = [
    "# Pulse settings, generated from lib/config/definitions.ts by `npm run env:example` (do not edit by hand).",
    "# Copy what you need to .env.local; every entry point loads .env then .env.local (the environment wins).",
  ];
  for (const kind of ["server", "tools"] as const) {
    lines.push("", kind === "server" ? "# ---- dashboard server" : "# ---- npm start, the lakehouse command, tests and benchmarks");
    for (const [name, def] of Object.entries(VARIABLES) as [VariableName, VariableDefinition][]) {
      if (def.internal || def.kinds[0] !== kind) continue;
      const fallback = def.example ?? (def.schema.safeParse(undefined).data as unknown);
      lines.push(`# ${def.doc}`, `${name}=${fallback === undefined ? "" : String(fallback)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
