/** The Trino wrapper against the real server: SQL errors, timeouts with cancellation, a dead server. */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { connectionFor } from "../lakehouse/connection";
import { runQuery, TrinoQueryError, TrinoTimeoutError, TrinoUnavailableError } from "./client";

before(requireTestInstance);

test("rows come back as objects keyed by column name, with Trino's types", async () => {
  const r = await runQuery(connectionFor(testInstance, "dashboard"), "SELECT 1 AS a, 'x' AS b, 2.5e0 AS c, CAST(NULL AS bigint) AS d, DATE '2026-11-24' AS e");
  assert.deepEqual(r.rows, [{ a: 1, b: "x", c: 2.5, d: null, e: "2026-11-24" }]);
  assert.deepEqual(
    r.columns.map((c) => c.type),
    ["integer", "varchar(1)", "double", "bigint", "date"],
  );
  assert.match(r.queryId, /^\d{8}_\d{6}_\d{5}_\w{5}$/);
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

test("a query that overruns its timeout is cancelled in Trino", async () => {
  const slow =
    "SELECT count(*) FROM UNNEST(sequence(1, 10000)) a (x) CROSS JOIN UNNEST(sequence(1, 10000)) b (y) CROSS JOIN UNNEST(sequence(1, 10000)) c (z) WHERE x + y + z = -1";
  const started = Date.now();
  let queryId: string | undefined;
  await assert.rejects(runQuery(connectionFor(testInstance, "dashboard"), slow, { timeoutMs: 1500 }), (err: unknown) => {
    assert.ok(err instanceof TrinoTimeoutError);
    queryId = err.queryId;
    return true;
  });
  assert.ok(Date.now() - started < 5000, "gave up near the deadline");
  assert.ok(queryId, "the timed-out query's id is known");
  let state = "";
  for (let i = 0; i < 20 && state !== "FAILED"; i++) {
    const found: { state: string; error_code: string }[] = await rows<{ state: string; error_code: string }>(
      "admin",
      "SELECT state, error_code FROM system.runtime.queries WHERE query_id = :id",
      { id: queryId! },
    );
    const r = found[0];
    state = r?.state ?? "";
    if (state === "FAILED") assert.equal(r!.error_code, "USER_CANCELED");
    else await new Promise((res) => setTimeout(res, 250));
  }
  assert.equal(state, "FAILED");
});

test("a server that does not answer is reported as unavailable, with no stack trace", async () => {
  await assert.rejects(runQuery({ server: "http://127.0.0.1:9", user: "pulse_dashboard" }, "SELECT 1", { timeoutMs: 3000 }), (err: unknown) => {
    assert.ok(err instanceof TrinoUnavailableError);
    assert.match(err.message, /unreachable \(ECONNREFUSED\)/);
    return true;
  });
});
