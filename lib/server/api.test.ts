/**
 * What `respond` (api.ts) answers for each failure of the data layer, read off its real NextResponse.
 * api.ts is a server-only module: importing it outside a React server fails by design, so the
 * calls run in a child Node with the `react-server` export condition, as Next's server runs them.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

const here = (file: string) => JSON.stringify(pathToFileURL(path.join(import.meta.dirname, file)).href);

/** Each case is an expression that throws inside `respond`; the child prints each answer as JSON. */
async function answers(cases: readonly string[]): Promise<Answer[]> {
  const script = `
    import { respond, NotFoundError } from ${here("api.ts")};
    import { AdmissionRejectedError } from ${here("admission.ts")};
    import { DataUnavailableError } from ${here("data.ts")};
    const out = [];
    for (const make of [${cases.map((c) => `() => { throw ${c}; }`).join(", ")}]) {
      const res = await respond(async () => make());
      out.push({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.json() });
    }
    console.log(JSON.stringify(out));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], {
    cwd: path.join(import.meta.dirname, "..", ".."),
  });
  return JSON.parse(stdout) as Answer[];
}

test("respond: a refused admission is a 503 with its Retry-After and message; an outage a 503; a bug a bare 500", async () => {
  const message = "the dashboard is busy (4 of 4 queries running, this custom range could not start within 800 ms); try again in 2 s";
  const [busy, down, missing, bug] = await answers([
    `new AdmissionRejectedError(${JSON.stringify(message)}, "adhoc", "deadline", 2)`,
    `new DataUnavailableError("Trino did not answer within 20 s; the query was cancelled")`,
    `new NotFoundError("no video v_404")`,
    `new TypeError("x is undefined")`,
  ]);
  assert.deepEqual(busy, {
    status: 503,
    headers: { "cache-control": "no-store", "content-type": "application/json", "retry-after": "2" },
    body: { error: message },
  });
  assert.deepEqual(down, {
    status: 503,
    headers: { "cache-control": "no-store", "content-type": "application/json", "retry-after": "5" },
    body: { error: "Trino did not answer within 20 s; the query was cancelled" },
  });
  assert.deepEqual(missing, { status: 404, headers: { "cache-control": "no-store", "content-type": "application/json" }, body: { error: "no video v_404" } });
  assert.deepEqual(bug, { status: 500, headers: { "content-type": "application/json" }, body: { error: "internal error; see the server log" } });
});
