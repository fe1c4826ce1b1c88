import assert from "node:assert/strict";
import test from "node:test";
import bcrypt from "bcryptjs";
import { passwordFileText } from "./credentials";

test("the password file has one user:bcrypt-hash line per user, each hash verifying its password and no password in clear", () => {
  const users = { pulse_admin: "a".repeat(32), pulse_writer: "w".repeat(32), pulse_dashboard: "d".repeat(32) };
  const text = passwordFileText({ users, trino: { keystorePassword: "k".repeat(32), sharedSecret: "s".repeat(44) } });
  const lines = text.trimEnd().split("\n");
  assert.deepEqual(
    lines.map((l) => l.slice(0, l.indexOf(":"))),
    ["pulse_admin", "pulse_writer", "pulse_dashboard"],
  );
  for (const line of lines) {
    const [user, hash] = [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)];
    // Trino 476's file authenticator takes these $2b$ hashes (checked on the machine); it refuses a cost below 8.
    assert.match(hash, /^\$2b\$10\$[./A-Za-z0-9]{53}$/);
    assert.equal(bcrypt.compareSync(users[user as keyof typeof users], hash), true);
    assert.equal(bcrypt.compareSync("wrong", hash), false);
  }
  for (const password of Object.values(users)) assert.ok(!text.includes(password));
});
