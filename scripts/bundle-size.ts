/**
 * `npm run bundle:size [-- --dir .next-test] [--budget-kib 300] [--page /] …`: JavaScript per page
 * of the last `next build` (tools/bench/bundle/), gzip -9; exits 1 when a page is over the budget.
 */
import { parseArgs } from "node:util";
import { toolsConfig } from "../lib/config/tools";
import { reportBundle } from "../tools/bench/bundle/report";
import { kib } from "../tools/bench/format";

const { values } = parseArgs({
  options: { dir: { type: "string" }, "budget-kib": { type: "string", default: "300" }, page: { type: "string", multiple: true, default: [] } },
});
const dist = values.dir ?? toolsConfig().PULSE_NEXT_DIST_DIR;
const budget = Number(values["budget-kib"]) * 1024;
if (!Number.isFinite(budget) || budget <= 0) throw new Error(`--budget-kib must be a positive number (got ${values["budget-kib"]})`);
const over = reportBundle(dist, budget, values.page);
for (const p of over) console.error(`OVER BUDGET ${p.page}: ${kib(p.total)} gzip > ${kib(budget)}`);
console.log(over.length === 0 ? `every page is within ${kib(budget)} gzip` : `${over.length} page(s) over ${kib(budget)} gzip`);
process.exit(over.length === 0 ? 0 : 1);
