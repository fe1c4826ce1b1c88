/** PostgreSQL start-up failures are reported clearly, and status and the lakehouse command report the running one. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { before, test } from "node:test";
import { instancePaths, REPO_ROOT } from "../../lib/lakehouse/settings";
import { portIsFree } from "../net/ports";
import { requireTestInstance, testInstance } from "../testing/trino-fixtures";
import { PostgresError, postgresStatus, startPostgres, stopPostgres } from "./server";

before(requireTestInstance);

/** A throw-away instance in the temporary folder, on `port`. */
function scratch(name: string, port: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pulse-${name}-`));
  fs.chmodSync(dir, 0o755); // mkdtemp makes it 0700: closed to the postgres user
  return { ...testInstance, name, pgPort: port, dir };
}

test("a port held by another process is refused with a clear message, before anything is created", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  const s = scratch("pg-port-probe", port);
  try {
    await assert.rejects(
      startPostgres(s),
      (err: unknown) =>
        err instanceof PostgresError && err.message.includes(`port ${port} on 127.0.0.1 is in use by another process`) && /PULSE_PG_PORT/.test(err.message),
    );
    assert.equal((await postgresStatus(s)).running, false);
    assert.equal(fs.existsSync(instancePaths(s).pgData), false);
  } finally {
    blocker.close();
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
});

test("a server that fails to start is reported with the tail of its log", async () => {
  // A free port well away from the instances', then a setting PostgreSQL rejects at start-up.
  let port = testInstance.pgPort + 37;
  while (!(await portIsFree(port))) port++;
  const s = scratch("pg-bad-start", port);
  try {
    await startPostgres(s);
    await stopPostgres(s);
    fs.appendFileSync(path.join(instancePaths(s).pgData, "postgresql.conf"), "shared_buffers = 'lots'\n");
    await assert.rejects(
      startPostgres(s),
      (err: unknown) =>
        err instanceof PostgresError &&
        /PostgreSQL failed to start/.test(err.message) &&
        /invalid value for parameter "shared_buffers": "lots"/.test(err.message),
    );
    assert.equal((await postgresStatus(s)).running, false);
  } finally {
    await stopPostgres(s);
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
});

test("status of the running test instance: PostgreSQL 15 on its port, data in the instance folder, credentials private", async () => {
  const st = await postgresStatus(testInstance);
  assert.equal(st.running, true);
  assert.match(st.version ?? "", /^15\.\d+$/);
  assert.equal(st.port, testInstance.pgPort);
  assert.equal(st.url, `postgresql://pulse@127.0.0.1:${testInstance.pgPort}/pulse`);
  assert.match(st.dataDir, /\.lakehouse\/test\/postgres\/data$/);
  assert.equal(fs.statSync(st.credentials).mode & 0o777, 0o600);
});

test("`lakehouse status` reports both servers of the instance", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/lakehouse.ts", "status", "--instance", "test"], { cwd: REPO_ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    instance: string;
    trino: { state: string; url: string };
    postgres: { state: string; port: number; version: string };
    credentials: string;
  };
  assert.equal(out.instance, "test");
  assert.equal(out.trino.state, "running");
  assert.equal(out.trino.url, `https://127.0.0.1:${testInstance.port}`);
  assert.match(out.credentials, /\.lakehouse\/test\/secrets\/credentials\.json$/);
  assert.equal(out.postgres.state, "running");
  assert.equal(out.postgres.port, testInstance.pgPort);
  assert.match(out.postgres.version, /^15\./);
});
