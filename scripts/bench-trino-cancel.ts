/** `npx tsx scripts/bench-trino-cancel.ts [runs] [deadline-ms]`: give-up and cancel latency of an overrunning query, in tools/bench/trino-cancel.ts. */
import "../tools/bench/trino-cancel";
