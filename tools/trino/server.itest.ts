/** Start-up failures are reported clearly instead of half-starting a Trino. */
import assert from "node:assert/strict";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { before, test } from "node:test";
import { requireTestInstance, testInstance } from "../testing/trino-fixtures";
import { LakehouseError, start, status } from "./server";

before(requireTestInstance);

test("a port held by another process is refused with a clear message", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  const settings = { ...testInstance, name: "port-probe", port, dir: path.join(os.tmpdir(), `pulse-port-probe-${process.pid}`) };
  try {
    await assert.rejects(
      start(settings),
      (err: unknown) => err instanceof LakehouseError && new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`).test(err.message),
    );
    assert.equal((await status(settings)).running, false);
  } finally {
    blocker.close();
  }
});

test("status of the running test instance reports version, URL and data dir", async () => {
  const st = await status(testInstance);
  assert.equal(st.running, true);
  assert.equal(st.version, "476");
  assert.equal(st.starting, false);
  assert.equal(st.url, `https://127.0.0.1:${testInstance.port}`);
  assert.match(st.dataDir, /\.lakehouse\/test\/warehouse$/);
});
