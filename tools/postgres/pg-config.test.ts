import assert from "node:assert/strict";
import test from "node:test";
import { instanceSettingsFixture } from "../testing/instance-settings-fixture";
import { renderPostgresConfig } from "./pg-config";

const settings = instanceSettingsFixture();

test("PostgreSQL listens on loopback only, on the instance's port, with no Unix socket", () => {
  const conf = renderPostgresConfig(settings)["pulse.conf"];
  assert.match(conf, /^listen_addresses = '127\.0\.0\.1'$/m);
  assert.match(conf, /^port = 15999$/m);
  assert.match(conf, /^unix_socket_directories = ''$/m);
  assert.match(conf, /^timezone = 'UTC'$/m);
});

test("every login is a SCRAM password over loopback TCP; nothing else is accepted", () => {
  const rules = renderPostgresConfig(settings)
    ["pg_hba.conf"].split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
  assert.deepEqual(rules, ["host    all       all   127.0.0.1/32   scram-sha-256"]);
});
