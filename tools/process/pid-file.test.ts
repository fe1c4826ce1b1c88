import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { alive } from "./pid-file";

test("a zombie is not alive: dead but unreaped, signal 0 still reaches it", async () => {
  // The shell starts a short sleep, prints its pid, then becomes a long sleep, which never reaps it.
  const parent = spawn("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
  try {
    const pid = await new Promise<number>((resolve) => parent.stdout.once("data", (b: Buffer) => resolve(Number(b.toString().trim()))));
    assert.equal(alive(pid), true);
    await new Promise((r) => setTimeout(r, 600));
    assert.doesNotThrow(() => process.kill(pid, 0));
    assert.equal(alive(pid), false);
    assert.equal(alive(parent.pid ?? 0), true);
  } finally {
    parent.kill("SIGKILL");
  }
});
