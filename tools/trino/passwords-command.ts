/**
 * `npm run lakehouse -- passwords [--reset]`: where an instance's passwords and certificate are, and
 * a reset that makes new passwords for the three users. A running Trino reloads its password file
 * within 5 s, so no restart of Trino is needed; processes that already read the old passwords
 * (`npm start`'s jobs and dashboard) are, and are told so.
 */
import { connectionFor } from "../../lib/lakehouse/connection";
import type { Progress } from "../../lib/lakehouse/migrate";
import { secretPaths } from "../../lib/lakehouse/secrets";
import { type InstanceSettings, USERS } from "../../lib/lakehouse/settings";
import { runQuery } from "../../lib/trino/client";
import { resetPasswords } from "./credentials";
import { status } from "./server";

/** Trino's file authenticator re-reads the password file every 5 s (`file.refresh-period`). */
const RELOAD_WAIT_MS = 30_000;

async function waitForNewPasswords(s: InstanceSettings): Promise<boolean> {
  const deadline = Date.now() + RELOAD_WAIT_MS;
  while (Date.now() < deadline) {
    const ok = await runQuery(connectionFor(s, "admin"), "SELECT 1 AS one", { timeoutMs: 5_000 }).then(
      () => true,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

export async function passwords(s: InstanceSettings, reset: boolean, log: Progress): Promise<number> {
  const p = secretPaths(s);
  if (reset) {
    resetPasswords(s);
    log(`new passwords for ${Object.values(USERS).join(", ")} in ${p.credentials}`);
    if ((await status(s)).running) {
      if (!(await waitForNewPasswords(s))) throw new Error(`Trino did not accept the new passwords within ${RELOAD_WAIT_MS / 1000} s`);
      log("the running Trino accepts them now; restart `npm start` if it runs: its jobs and dashboard still hold the old ones");
    }
  }
  log(`passwords (JSON, mode 0600): ${p.credentials}`);
  log(`bcrypt hashes Trino reads:   ${p.passwordFile}`);
  log(`certificate to trust (PEM):  ${p.certificate}`);
  return 0;
}
