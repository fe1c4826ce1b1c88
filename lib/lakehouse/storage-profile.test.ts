import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import { instanceSettingsFixture } from "../../tools/testing/instance-settings-fixture";
import type { InstanceSettings } from "./settings";
import { recordedProfile, StorageProfileError, settleProfile, storageOf } from "./storage-profile";

function withInstance(fn: (s: InstanceSettings) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-profile-"));
  try {
    fn(instanceSettingsFixture({ name: "main", dir, maintenanceMinRetention: "1h", storage: undefined }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("a new instance keeps the profile it was first started with; later starts may omit it", () => {
  withInstance((s) => {
    assert.equal(settleProfile({ ...s, storage: "s3" }, false), "s3");
    assert.equal(recordedProfile(s), "s3");
    assert.equal(settleProfile(s, true), "s3");
    assert.equal(storageOf({ ...s, storage: "local" }), "s3");
  });
  withInstance((s) => {
    assert.equal(settleProfile(s, false), "local");
    assert.equal(recordedProfile(s), "local");
  });
});

test("a start asking for the other profile is refused with the way out, and records nothing", () => {
  withInstance((s) => {
    settleProfile({ ...s, storage: "s3" }, false);
    assert.throws(
      () => settleProfile({ ...s, storage: "local" }, true),
      (err: unknown) =>
        err instanceof StorageProfileError &&
        err.message.includes("created with storage 's3' and cannot start on 'local'") &&
        err.message.includes("npm run lakehouse -- reset --yes"),
    );
    assert.equal(recordedProfile(s), "s3");
  });
});

test("an instance made before profiles were recorded (a catalog, no file) is local", () => {
  withInstance((s) => {
    assert.throws(() => settleProfile({ ...s, storage: "s3" }, true), StorageProfileError);
    assert.equal(settleProfile(s, true), "local");
  });
});
