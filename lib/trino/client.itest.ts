/** The Trino wrapper against the real server: SQL errors, timeouts with cancellation, a dead server. */
import assert from "node:assert/strict";
import path from "node:path";
import { before, test } from "node:test";
import { requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { waitUntil } from "../../tools/testing/wait";
import { connectionFor } from "../lakehouse/connection";
import { REPO_ROOT } from "../lakehouse/settings";
import { runQuery, TrinoQueryError, TrinoTimeoutError, TrinoUnavailableError } from "./client";
import { loadStatement } from "./sql-files";

before(requireTestInstance);

/** Trino's query id format, e.g. 20261125_034956_00339_4wtkp. */
const QUERY_ID = /^\d{8}_\d{6}_\d{5}_\w{5}$/;
const NEVER_ENDING = loadStatement(path.join(REPO_ROOT, "tools", "testing", "sql"), "never_ending");

test("rows come back as objects keyed by column name, with Trino's types", async () => {
  const r = await runQuery(connectionFor(testInstance, "dashboard"), "SELECT 1 AS a, 'x' AS b, 2.5e0 AS c, CAST(NULL AS bigint) AS d, DATE '2026-11-24' AS e");
  assert.deepEqual(r.rows, [{ a: 1, b: "x", c: 2.5, d: null, e: "2026-11-24" }]);
  assert.deepEqual(
    r.columns.map((c) => c.type),
    ["integer", "varchar(1)", "double", "bigint", "date"],
  );
  assert.match(r.queryId, QUERY_ID);
});

test("a SQL error inside a result page becomes a TrinoQueryError", async () => {
  await assert.rejects(runQuery(connectionFor(testInstance, "dashboard"), "SELECT no_such_column FROM lakehouse.gold.rt_video_stats_1min"), (err: unknown) => {
    assert.ok(err instanceof TrinoQueryError);
    assert.equal(err.errorName, "COLUMN_NOT_FOUND");
    assert.match(err.message, /no_such_column/);
    return true;
  });
  await assert.rejects(
    runQuery(connectionFor(testInstance, "dashboard"), "SELECT 1/0"),
    (err: unknown) => err instanceof TrinoQueryError && err.errorName === "DIVISION_BY_ZERO",
  );
});

test("a query that overruns its timeout is cancelled in Trino: the error names the query, which Trino shows as cancelled", async () => {
  let queryId: string | undefined;
  await assert.rejects(runQuery(connectionFor(testInstance, "dashboard"), NEVER_ENDING, { timeoutMs: 1500 }), (err: unknown) => {
    assert.ok(err instanceof TrinoTimeoutError);
    assert.equal(err.timeoutMs, 1500);
    queryId = err.queryId;
    assert.match(queryId ?? "", QUERY_ID);
    assert.equal(err.message, `Trino query ${queryId} exceeded 1500 ms and was cancelled`);
    return true;
  });
  // How fast that happens is a benchmark's business (tools/bench/trino-cancel.ts); here only the outcome counts.
  let seen: { state: string; error_code: string | null; query: string } | undefined;
  await waitUntil(
    async () => {
      [seen] = await rows<{ state: string; error_code: string | null; query: string }>(
        "admin",
        "SELECT state, error_code, query FROM system.runtime.queries WHERE query_id = :id",
        { id: queryId! },
      );
      return seen?.state === "FAILED";
    },
    10_000,
    `query ${queryId} to be FAILED in system.runtime.queries`,
    250,
  );
  assert.deepEqual(seen, { state: "FAILED", error_code: "USER_CANCELED", query: NEVER_ENDING });
});

test("a server that does not answer is reported as unavailable, with no stack trace", async () => {
  await assert.rejects(runQuery({ server: "http://127.0.0.1:9", user: "pulse_dashboard" }, "SELECT 1", { timeoutMs: 3000 }), (err: unknown) => {
    assert.ok(err instanceof TrinoUnavailableError);
    assert.match(err.message, /unreachable \(ECONNREFUSED\)/);
    return true;
  });
});
