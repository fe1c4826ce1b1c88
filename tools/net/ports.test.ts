import assert from "node:assert/strict";
import net from "node:net";
import { test } from "node:test";
import { pickFreePort, portIsFree } from "./ports";

/** Binds an ephemeral port on 127.0.0.1 and returns it with a closer. */
async function occupy(): Promise<{ port: number; close: () => Promise<void> }> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as net.AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => srv.close(() => resolve())) };
}

test("a bound port is not free, and is free again once released", async () => {
  const held = await occupy();
  assert.equal(await portIsFree(held.port), false);
  await held.close();
  assert.equal(await portIsFree(held.port), true);
});

test("pickFreePort skips a port in use", async () => {
  const held = await occupy();
  try {
    // A range above the held port: its neighbours are almost surely free, but need not be.
    const picked = await pickFreePort(held.port, held.port + 10);
    assert.ok(picked > held.port && picked <= held.port + 10, `picked ${picked}`);
    assert.equal(await portIsFree(picked), true);
  } finally {
    await held.close();
  }
});

test("pickFreePort fails clearly when the whole range is taken, and refuses a reversed range", async () => {
  const held = await occupy();
  try {
    await assert.rejects(pickFreePort(held.port, held.port), /all in use/);
  } finally {
    await held.close();
  }
  await assert.rejects(pickFreePort(10, 9), RangeError);
});
