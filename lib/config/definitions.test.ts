import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ConfigError, envExample, parseConfig } from "./definitions";
import { REPO_ROOT } from "./env-files";

describe("settings", () => {
  it("gives each process kind its defaults", () => {
    const server = parseConfig("server", {});
    assert.equal(server.TRINO_URL, "https://127.0.0.1:18080");
    assert.equal(server.TRINO_USER, "pulse_dashboard");
    assert.equal(server.TRINO_PASSWORD, undefined);
    assert.equal(server.TRINO_CA_FILE, undefined);
    assert.equal(server.TRINO_QUERY_TIMEOUT_MS, 20_000);
    assert.equal(server.PULSE_RT_CACHE_SECONDS, 10);
    assert.equal(server.PULSE_PARENT_PID, undefined);
    assert.equal(server.PULSE_DASHBOARD_MAX_QUERIES, 4);
    assert.equal(server.PULSE_QUEUE_DEADLINE_MS, 800);
    assert.equal(server.PULSE_SHARED_QUEUE_DEADLINE_MS, 5_000);
    assert.equal("PULSE_TRINO_PORT" in server, false);
    const tools = parseConfig("tools", {});
    assert.equal(tools.PULSE_DASHBOARD_PORT, 3000);
    assert.equal(tools.PULSE_TRINO_PORT, 18080);
    assert.equal(tools.PULSE_TEST_TRINO_PORT, 18180);
    assert.equal(tools.PULSE_NEXT_DIST_DIR, ".next");
    assert.equal(tools.PULSE_TEST_KEEP, "0");
    // K sizes both the server's gate and Trino's dashboard resource group, so both kinds read it.
    assert.equal(tools.PULSE_DASHBOARD_MAX_QUERIES, 4);
    assert.equal("PULSE_QUEUE_DEADLINE_MS" in tools, false);
    assert.equal("TRINO_URL" in tools, false);
    assert.equal(tools.PULSE_ATTACH_TRINO_URL, undefined);
    assert.equal(tools.PULSE_ATTACH_CATALOG, "lakehouse");
    assert.equal(tools.PULSE_ATTACH_MAINTENANCE_RETENTION, "7d");
    assert.equal(tools.PULSE_TEST_FOREIGN_TRINO_PORT, undefined);
  });

  it("attach mode takes an https:// Trino only, and a plain catalog name", () => {
    assert.equal(parseConfig("tools", { PULSE_ATTACH_TRINO_URL: "https://trino.example.com:8443" }).PULSE_ATTACH_TRINO_URL, "https://trino.example.com:8443");
    assert.throws(
      () => parseConfig("tools", { PULSE_ATTACH_TRINO_URL: "http://trino.example.com:8080", PULSE_ATTACH_CATALOG: "prod.x" }),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.message ===
          'invalid tools configuration: PULSE_ATTACH_TRINO_URL="http://trino.example.com:8080": must be an https:// URL: Pulse sends passwords over HTTPS only; ' +
            'PULSE_ATTACH_CATALOG="prod.x": must be a plain catalog name',
    );
  });

  it("coerces strings and treats an empty value as unset", () => {
    const c = parseConfig("tools", { PULSE_TRINO_PORT: "19080", PULSE_TRINO_HEAP_GB: "", PULSE_VELOCITY_WINDOW_MINUTES: "20" });
    assert.equal(c.PULSE_TRINO_PORT, 19080);
    assert.equal(c.PULSE_TRINO_HEAP_GB, undefined);
    assert.equal(c.PULSE_VELOCITY_WINDOW_MINUTES, 20);
  });

  it("names every bad variable with its value in one error", () => {
    assert.throws(
      () => parseConfig("tools", { PULSE_DASHBOARD_PORT: "80", PULSE_NEXT_DIST_DIR: "../out" }),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.message ===
          'invalid tools configuration: PULSE_DASHBOARD_PORT="80": Too small: expected number to be >=1024; ' +
            'PULSE_NEXT_DIST_DIR="../out": must be a dot-folder name such as .next-test',
    );
    assert.throws(() => parseConfig("server", { TRINO_URL: "not a url" }), /TRINO_URL="not a url": must be a URL such as https:\/\/127\.0\.0\.1:18080/);
  });

  it(".env.example is the generated one (run `npm run env:example` after changing a definition)", () => {
    assert.equal(fs.readFileSync(path.join(REPO_ROOT, ".env.example"), "utf8"), envExample());
  });

  it(".env.example documents every person-facing variable once and no internal one", () => {
    const names = envExample()
      .split("\n")
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => l.split("=")[0]);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.includes("PULSE_DASHBOARD_PORT"));
    assert.ok(!names.includes("PULSE_PARENT_PID"));
    assert.ok(!names.includes("PULSE_TEST_INSTANCE"));
    assert.ok(!names.includes("PULSE_DASHBOARD_OWNER_FILE"));
    assert.ok(names.includes("PULSE_SOAK_TRINO_PORT"));
    assert.ok(names.includes("PULSE_MICROBATCH_EVERY_SECONDS"));
    assert.equal(names.length, 68);
  });
});
