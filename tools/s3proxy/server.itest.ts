/** S3Proxy start-up failures are reported clearly instead of half-starting one (no JVM is started here). */
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { before, test } from "node:test";
import { requireTestInstance, testInstance } from "../testing/trino-fixtures";
import { S3ProxyError, s3proxyStatus, startS3Proxy } from "./server";

before(requireTestInstance);

test("S3Proxy refuses a port another process holds, naming it, and starts nothing", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-s3-port-probe-"));
  const settings = { ...testInstance, name: "s3-port-probe", storage: "s3" as const, s3Port: port, dir };
  try {
    await assert.rejects(
      startS3Proxy(settings),
      (err: unknown) =>
        err instanceof S3ProxyError && err.message.startsWith(`port ${port} on 127.0.0.1 is in use by another process, so S3Proxy cannot start`),
    );
    const st = await s3proxyStatus(settings);
    assert.deepEqual([st.running, st.pid], [false, undefined]);
    assert.equal(fs.existsSync(path.join(dir, "s3proxy", "s3proxy.pid")), false);
  } finally {
    blocker.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
