import assert from "node:assert/strict";
import { test } from "node:test";
import { adoptionRefusal, settingsDigest } from "./handover";

const wanted = { port: 3000, build: "b1", settings: settingsDigest({ TRINO_URL: "https://127.0.0.1:18080", TRINO_PASSWORD: "s3cret" }) };

test("the settings digest ignores key order, changes with any value, and holds no secret", () => {
  assert.equal(settingsDigest({ A: "1", B: "2" }), settingsDigest({ B: "2", A: "1" }));
  assert.notEqual(settingsDigest({ A: "1", B: "2" }), settingsDigest({ A: "1", B: "3" }));
  assert.match(wanted.settings, /^[0-9a-f]{64}$/);
  assert.ok(!wanted.settings.includes("s3cret"));
});

test("only a server recorded for this pid, port, build and settings is taken over", () => {
  assert.equal(adoptionRefusal({ pid: 7, ...wanted }, 7, wanted), null);
  assert.equal(adoptionRefusal(undefined, 7, wanted), "it has no start record");
  assert.equal(adoptionRefusal({ pid: 8, ...wanted }, 7, wanted), "it has no start record");
  assert.equal(adoptionRefusal({ pid: 7, ...wanted, port: 3001 }, 7, wanted), "it serves port 3001, not 3000");
  assert.equal(adoptionRefusal({ pid: 7, ...wanted, build: "b0" }, 7, wanted), "it runs an older build");
  assert.equal(adoptionRefusal({ pid: 7, ...wanted, settings: settingsDigest({}) }, 7, wanted), "it was started with other settings");
});
