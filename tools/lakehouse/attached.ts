/**
 * The lakehouse command's actions on an attached lakehouse (PULSE_ATTACH_TRINO_URL): `migrate`
 * installs Pulse's additive objects (lib/lakehouse/attach-migrate.ts) after checking the admin
 * login and the catalog; `status` says, per role, whether its login works and sees the catalog.
 * Pulse's operational store (sql/ops, PostgreSQL) is not migrated in attach mode: no feature keeps
 * data there yet, and an attached Pulse has no PostgreSQL of its own to put it in.
 */
import { type AttachTarget, attachConnection, checkAttached } from "../../lib/lakehouse/attach";
import { type AttachMigrateResult, attachMigrate } from "../../lib/lakehouse/attach-migrate";
import { type Progress, readLedgerIfAny } from "../../lib/lakehouse/migrate";
import { type Role, USERS } from "../../lib/lakehouse/settings";

export async function attachedMigrate(t: AttachTarget, log: Progress): Promise<AttachMigrateResult> {
  await checkAttached(t, "admin");
  log(`attach mode: migrating catalog ${t.catalog} on ${t.url} as ${t.logins.admin.user} (sql/ops skipped: no operational store in attach mode)`);
  const r = await attachMigrate(attachConnection(t, "admin"), { velocity_window_minutes: t.velocityWindowMinutes }, log);
  log(`sql/ddl: ${r.applied.length} applied${r.applied.length ? ` (${r.applied.join(", ")})` : ""}`);
  log(`${r.adopted.length} tables of ${t.catalog} left alone: ${r.adopted.map((a) => a.table).join(", ") || "none"}`);
  return r;
}

export interface AttachedStatus {
  readonly mode: "attach";
  readonly url: string;
  readonly catalog: string;
  /** Per role: its user, and null when its login works and sees the catalog, else why not. */
  readonly roles: Record<Role, { user: string; problem: string | null }>;
  /** sql/ddl files recorded in the attached catalog's ledger (0: `migrate` never ran there). */
  readonly migrationsRecorded: number | null;
}

export async function attachedStatus(t: AttachTarget): Promise<AttachedStatus> {
  const roles = {} as AttachedStatus["roles"];
  for (const role of Object.keys(USERS) as Role[]) {
    const problem = await checkAttached(t, role).then(
      () => null,
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    roles[role] = { user: t.logins[role].user, problem };
  }
  const migrationsRecorded = roles.dashboard.problem === null ? (await readLedgerIfAny(attachConnection(t, "dashboard"))).size : null;
  return { mode: "attach", url: t.url, catalog: t.catalog, roles, migrationsRecorded };
}
