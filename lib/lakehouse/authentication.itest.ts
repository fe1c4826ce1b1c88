/**
 * Authentication and TLS of the local Trino, against the real test instance: HTTPS only, a password
 * for every request, the generated secrets private to their owner; what an authenticated user may
 * then do stays with the file-based access rules (access.itest.ts).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { before, test } from "node:test";
import { requireTestInstance, testInstance } from "../../tools/testing/trino-fixtures";
import { runQuery, TrinoQueryError, TrinoUnavailableError } from "../trino/client";
import { connectionFor } from "./connection";
import { readInstanceSecrets, secretPaths, trustedCertificate } from "./secrets";
import { instancePaths, type Role, serverUrl, USERS } from "./settings";

before(requireTestInstance);

const refused401 = (err: unknown) => err instanceof TrinoUnavailableError && /refused the credentials \(HTTP 401\)$/.test(err.message);

/** POST a statement with exactly these headers, as any program on the machine could. */
function postStatement(headers: Record<string, string>): Promise<{ status: number; wwwAuthenticate: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${serverUrl(testInstance)}/v1/statement`,
      { method: "POST", ca: trustedCertificate(testInstance), headers: { "Content-Type": "text/plain", ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, wwwAuthenticate: res.headers["www-authenticate"] }));
      },
    );
    req.on("error", reject);
    req.end("SELECT 1");
  });
}

test("a request without credentials is refused with 401, naming Basic authentication", async () => {
  const res = await postStatement({ "X-Trino-User": USERS.admin });
  assert.equal(res.status, 401);
  assert.match(res.wwwAuthenticate ?? "", /^Basic /);
});

test("a wrong password, another user's password and an unknown user are all refused with 401", async () => {
  const admin = connectionFor(testInstance, "admin");
  const writerPassword = readInstanceSecrets(testInstance).users[USERS.writer];
  await assert.rejects(runQuery({ ...admin, password: "not-the-password-of-pulse_admin" }, "SELECT 1"), refused401);
  await assert.rejects(runQuery({ ...admin, password: writerPassword }, "SELECT 1"), refused401);
  await assert.rejects(runQuery({ ...admin, password: undefined }, "SELECT 1"), refused401);
  await assert.rejects(runQuery({ ...admin, user: "mallory", password: admin.password }, "SELECT 1"), refused401);
});

test("a valid login works for each role: Trino knows it as that user", async () => {
  for (const role of ["admin", "writer", "dashboard"] as Role[]) {
    const r = await runQuery<{ who: string }>(connectionFor(testInstance, role), "SELECT current_user AS who");
    assert.deepEqual(r.rows, [{ who: USERS[role] }]);
  }
});

test("the dashboard's valid login may read, and every write it attempts is refused by the access rules", async () => {
  const dashboard = connectionFor(testInstance, "dashboard");
  const read = await runQuery<{ n: number }>(dashboard, "SELECT count(*) AS n FROM lakehouse.meta.schema_migrations");
  assert.ok(read.rows[0]!.n > 0);
  for (const sql of [
    "INSERT INTO lakehouse.meta.job_checkpoints (job, state, recorded_at) VALUES ('intruder', 'committed', current_timestamp)",
    "DELETE FROM lakehouse.meta.schema_migrations",
    "DROP TABLE lakehouse.gold.batch_video_daily",
  ]) {
    await assert.rejects(runQuery(dashboard, sql), (err: unknown) => err instanceof TrinoQueryError && err.errorName === "PERMISSION_DENIED");
  }
});

test("the port speaks only TLS, and a client that does not trust the certificate gets no answer", async () => {
  const admin = connectionFor(testInstance, "admin");
  await assert.rejects(runQuery({ ...admin, server: `http://127.0.0.1:${testInstance.port}` }, "SELECT 1", { timeoutMs: 10_000 }), TrinoUnavailableError);
  await assert.rejects(
    runQuery({ ...admin, ca: undefined }, "SELECT 1"),
    (err: unknown) => err instanceof TrinoUnavailableError && /TLS certificate this client does not trust \(DEPTH_ZERO_SELF_SIGNED_CERT\)$/.test(err.message),
  );
});

test("the secrets are readable by their owner only, and Trino gets hashes, not passwords", () => {
  const p = secretPaths(testInstance);
  const mode = (file: string) => fs.statSync(file).mode & 0o777;
  assert.equal(mode(p.dir), 0o700);
  for (const file of [p.credentials, p.passwordFile, p.keystore, path.join(instancePaths(testInstance).etc, "config.properties")]) {
    assert.equal(mode(file), 0o600, `${file} is mode ${mode(file).toString(8)}`);
  }
  const secrets = readInstanceSecrets(testInstance);
  const hashes = fs.readFileSync(p.passwordFile, "utf8");
  assert.deepEqual(
    hashes
      .trim()
      .split("\n")
      .map((l) => l.split(":")[0]),
    Object.values(USERS),
  );
  assert.match(hashes, /^pulse_admin:\$2b\$10\$/m);
  const etc = fs.readdirSync(instancePaths(testInstance).etc, { recursive: true, encoding: "utf8" });
  for (const password of Object.values(secrets.users)) {
    assert.ok(!hashes.includes(password));
    for (const rel of etc) {
      const file = path.join(instancePaths(testInstance).etc, rel);
      if (fs.statSync(file).isFile()) assert.ok(!fs.readFileSync(file, "utf8").includes(password), `${file} holds a password`);
    }
  }
});
