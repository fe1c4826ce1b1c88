import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import test from "node:test";
import { REPO_ROOT } from "../../lib/lakehouse/settings";
import { instanceSettingsFixture } from "../testing/instance-settings-fixture";
import { parseJavaVersion } from "./java";
import { accessControlRules, renderTrinoConfig } from "./trino-config";

/** The access rules, written out by hand: what Trino enforces is exactly this document. */
const RULES = {
  catalogs: [
    { user: "pulse_admin", allow: "all" },
    { user: "pulse_writer", catalog: "(lakehouse|system)", allow: "all" },
    { user: "pulse_writer", catalog: "kafka", allow: "read-only" },
    { user: "pulse_dashboard", catalog: "(lakehouse|system)", allow: "read-only" },
    { allow: "none" },
  ],
  schemas: [{ user: "pulse_admin", owner: true }],
  tables: [
    { user: "pulse_admin", privileges: ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"] },
    { user: "pulse_writer", catalog: "lakehouse", privileges: ["SELECT", "INSERT", "DELETE", "UPDATE"] },
    { user: "pulse_writer", catalog: "system", privileges: ["SELECT"] },
    { user: "pulse_writer", catalog: "kafka", privileges: ["SELECT"] },
    { user: "pulse_dashboard", privileges: ["SELECT"] },
  ],
  system_session_properties: [{ allow: true }],
  catalog_session_properties: [{ allow: true }],
};

const settings = instanceSettingsFixture();
const secrets = { keystorePassword: "k".repeat(32), sharedSecret: "s".repeat(44) };

test("single node bound to loopback, with the lakehouse catalog in PostgreSQL and its files on the local file system", () => {
  const files = renderTrinoConfig(settings, secrets);
  assert.match(files["config.properties"]!, /^query\.max-memory-per-node=2GB$/m);
  assert.match(files["node.properties"]!, /^node\.bind-ip=127\.0\.0\.1$/m);
  assert.match(files["node.properties"]!, /^node\.data-dir=\/tmp\/pulse-x\/node$/m);
  assert.match(files["jvm.config"]!, /^-Xmx4G$/m);
  assert.match(files["jvm.config"]!, /^-Duser\.timezone=UTC$/m);
  const catalog = files["catalog/lakehouse.properties"]!;
  assert.match(catalog, /^connector\.name=iceberg$/m);
  assert.match(catalog, /^local\.location=\/tmp\/pulse-x\/warehouse$/m);
  assert.match(catalog, /^iceberg\.catalog\.type=jdbc$/m);
  assert.match(catalog, /^iceberg\.jdbc-catalog\.catalog-name=lakehouse$/m);
  assert.match(catalog, /^iceberg\.jdbc-catalog\.connection-url=jdbc:postgresql:\/\/127\.0\.0\.1:15999\/pulse\?currentSchema=iceberg_catalog$/m);
  assert.match(catalog, /^iceberg\.jdbc-catalog\.connection-user=pulse$/m);
  assert.match(catalog, /^iceberg\.jdbc-catalog\.default-warehouse-dir=local:\/\/\/$/m);
  assert.match(catalog, /^fs\.native-local\.enabled=true$/m);
  // The password comes from Trino's environment: no configuration file holds it.
  assert.match(catalog, /^iceberg\.jdbc-catalog\.connection-password=\$\{ENV:PULSE_CATALOG_DB_PASSWORD\}$/m);
  assert.doesNotMatch(catalog, /metastore/);
  assert.match(catalog, /^iceberg\.allowed-extra-properties=\*$/m);
  assert.match(catalog, /^iceberg\.expire-snapshots\.min-retention=0s$/m);
  assert.deepEqual(JSON.parse(files["rules.json"]!), RULES);
});

test("HTTPS only, passwords from the file authenticator, internal traffic over HTTPS with the same keystore", () => {
  const files = renderTrinoConfig(settings, secrets);
  const config = files["config.properties"]!.split("\n");
  const keystore = "/tmp/pulse-x/secrets/keystore.p12";
  for (const line of [
    "http-server.http.enabled=false",
    "http-server.https.enabled=true",
    "http-server.https.port=18999",
    `http-server.https.keystore.path=${keystore}`,
    `http-server.https.keystore.key=${"k".repeat(32)}`,
    "http-server.authentication.type=PASSWORD",
    "discovery.uri=https://127.0.0.1:18999",
    `internal-communication.shared-secret=${"s".repeat(44)}`,
    "internal-communication.https.required=true",
    `internal-communication.https.keystore.path=${keystore}`,
    `internal-communication.https.keystore.key=${"k".repeat(32)}`,
  ]) {
    assert.ok(config.includes(line), `config.properties lacks ${line}`);
  }
  assert.equal(config.filter((l) => l.startsWith("http-server.http.port")).length, 0);
  assert.equal(files["password-authenticator.properties"], "password-authenticator.name=file\nfile.password-file=/tmp/pulse-x/secrets/password.db\n");
});

test("the rules: the dashboard user is read-only, the writer cannot own schemas, anyone else is denied", () => {
  assert.deepEqual(accessControlRules("lakehouse"), RULES);
});

test("an instance whose catalog has another name (the attach test's stand-in Trino) gets that catalog file and rules", () => {
  const files = renderTrinoConfig({ ...settings, catalog: "warehouse_prod" }, secrets);
  assert.equal(files["catalog/lakehouse.properties"], undefined);
  assert.match(files["catalog/warehouse_prod.properties"]!, /^iceberg\.jdbc-catalog\.catalog-name=warehouse_prod$/m);
  const rules = JSON.parse(files["rules.json"]!) as typeof RULES;
  assert.deepEqual(rules.catalogs[1], { user: "pulse_writer", catalog: "(warehouse_prod|system)", allow: "all" });
  assert.deepEqual(rules.catalogs[3], { user: "pulse_dashboard", catalog: "(warehouse_prod|system)", allow: "read-only" });
  assert.deepEqual(rules.tables[1], { user: "pulse_writer", catalog: "warehouse_prod", privileges: ["SELECT", "INSERT", "DELETE", "UPDATE"] });
});

/** The resource groups for K = 4, written out by hand (resource-groups.ts says why each value). */
const GROUPS_K4 = {
  rootGroups: [
    {
      name: "pulse",
      softMemoryLimit: "100%",
      hardConcurrencyLimit: 26, // pipeline 20 + dashboard 6
      maxQueued: 1016, // pipeline 1000 + dashboard 16
      schedulingPolicy: "weighted_fair",
      subGroups: [
        { name: "pipeline", softMemoryLimit: "100%", hardConcurrencyLimit: 20, maxQueued: 1000, schedulingWeight: 10 },
        { name: "dashboard", softMemoryLimit: "40%", hardConcurrencyLimit: 6, maxQueued: 16, schedulingWeight: 1 },
      ],
    },
  ],
  selectors: [
    { user: "^(pulse_writer|pulse_admin)$", group: "pulse.pipeline" },
    { user: "^pulse_dashboard$", group: "pulse.dashboard" },
  ],
};

test("resource groups: the file manager reads etc/resource-groups.json; the writer and admin in pulse.pipeline, the dashboard capped at K + 2", () => {
  const files = renderTrinoConfig(settings, secrets);
  assert.equal(
    files["resource-groups.properties"],
    "resource-groups.configuration-manager=file\nresource-groups.config-file=/tmp/pulse-x/etc/resource-groups.json\n",
  );
  assert.deepEqual(JSON.parse(files["resource-groups.json"]!), GROUPS_K4);
  // K = 10: the dashboard runs 12 and queues 40; the root 32 and 1040.
  const k10 = JSON.parse(renderTrinoConfig({ ...settings, dashboardMaxQueries: 10 }, secrets)["resource-groups.json"]!) as typeof GROUPS_K4;
  const [root] = k10.rootGroups;
  assert.deepEqual([root!.hardConcurrencyLimit, root!.maxQueued], [32, 1040]);
  assert.deepEqual(root!.subGroups[1], { name: "dashboard", softMemoryLimit: "40%", hardConcurrencyLimit: 12, maxQueued: 40, schedulingWeight: 1 });
  assert.deepEqual(root!.subGroups[0], GROUPS_K4.rootGroups[0]!.subGroups[0]);
});

test("java -version output is parsed to a major version", () => {
  assert.deepEqual(parseJavaVersion('openjdk version "25.0.3" 2026-04-21 LTS'), { major: 25, version: "25.0.3" });
  assert.deepEqual(parseJavaVersion('openjdk version "17.0.15" 2025-04-15'), { major: 17, version: "17.0.15" });
  assert.deepEqual(parseJavaVersion('java version "1.8.0_401"'), { major: 8, version: "1.8.0_401" });
  assert.equal(parseJavaVersion("command not found"), undefined);
});

test("README's resource-group example for an attached Trino's operator is exactly what Pulse renders for K = 4", () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const from = readme.indexOf("**Resource groups** are the attached Trino's operator's");
  assert.ok(from > 0, "README lost its attach-mode resource groups paragraph");
  const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(from));
  assert.deepEqual(JSON.parse(block![1]!), GROUPS_K4);
});
