import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { isTrinoNodeFor, trinoPidByDataDir } from "./pid-by-data-dir";

const DIR = "/srv/pulse/.lakehouse/main/node";
const trinoArgs = (dir: string) => ["/usr/lib/jvm/bin/java", "-cp", "lib/*", "-Dnode.id=pulse-main", `-Dnode.data-dir=${dir}`, "io.trino.server.TrinoServer"];

test("a Trino node is known by its main class and its exact data dir", () => {
  assert.equal(isTrinoNodeFor(trinoArgs(DIR), DIR), true);
  assert.equal(isTrinoNodeFor(trinoArgs(`${DIR}-worker-1`), DIR), false);
  assert.equal(isTrinoNodeFor(trinoArgs("/srv/pulse/.lakehouse/test/node"), DIR), false);
  // The data dir alone (say, an editor open on it) or the main class alone is not enough.
  assert.equal(isTrinoNodeFor(["vim", `-Dnode.data-dir=${DIR}`], DIR), false);
  assert.equal(isTrinoNodeFor(["java", "io.trino.server.TrinoServer"], DIR), false);
  assert.equal(isTrinoNodeFor([], DIR), false);
});

test("the pid is read from a process table: other nodes, zombies (empty command line) and non-pid entries are passed over", () => {
  const proc = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-proc-"));
  const write = (entry: string, args: string[]) => {
    fs.mkdirSync(path.join(proc, entry));
    fs.writeFileSync(path.join(proc, entry, "cmdline"), args.length ? `${args.join("\0")}\0` : "");
  };
  write("self", trinoArgs(DIR));
  write("100", trinoArgs("/srv/pulse/.lakehouse/test/node"));
  write("200", []);
  write("300", ["sh", "-c", "sleep 1"]);
  assert.equal(trinoPidByDataDir(DIR, proc), undefined);
  write("2328", trinoArgs(DIR));
  assert.equal(trinoPidByDataDir(DIR, proc), 2328);
  assert.equal(trinoPidByDataDir("/srv/other/node", proc), undefined);
  assert.equal(trinoPidByDataDir(DIR, path.join(proc, "missing")), undefined);
  fs.rmSync(proc, { recursive: true });
});

test("a live process with those arguments is found in the real /proc", async () => {
  const dir = path.join(os.tmpdir(), `pulse-node-${process.pid}`);
  // "--": without it Node takes -Dnode.data-dir for one of its own options and exits at once ("bad
  // option"), and the test passed only when /proc was read within that moment (it failed in CI twice).
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "--", `-Dnode.data-dir=${dir}`, "io.trino.server.TrinoServer"], {
    stdio: "ignore",
  });
  const exited = new Promise((r) => child.once("exit", r));
  try {
    await new Promise((r) => child.once("spawn", r));
    // 'spawn' can come a moment before /proc shows the new program's arguments: look for up to 2 s.
    const deadline = Date.now() + 2_000;
    while (trinoPidByDataDir(dir) === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(trinoPidByDataDir(dir), child.pid);
  } finally {
    child.kill("SIGKILL");
  }
  await exited;
  assert.equal(trinoPidByDataDir(dir), undefined);
});
