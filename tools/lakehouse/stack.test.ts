import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import { instanceSettingsFixture } from "../testing/instance-settings-fixture";
import { OldMetastoreError, startLakehouse } from "./stack";

test("a warehouse built on the former file metastore (files, no catalog database) is refused with the way out, before anything starts", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-old-metastore-"));
  try {
    // The file metastore's layout: schema folders in the warehouse, and no postgres/ folder.
    fs.mkdirSync(path.join(dir, "warehouse", "bronze"), { recursive: true });
    fs.writeFileSync(path.join(dir, "warehouse", "bronze", ".trinoSchema"), "{}");
    const s = instanceSettingsFixture({ name: "main", dir, maintenanceMinRetention: "1h", storage: undefined });
    await assert.rejects(
      startLakehouse(s),
      (err: unknown) => err instanceof OldMetastoreError && /reset --yes/.test(err.message) && /not migrated/.test(err.message),
    );
    assert.equal(fs.existsSync(path.join(dir, "postgres")), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
