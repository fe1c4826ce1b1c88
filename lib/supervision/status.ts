/**
 * The supervisor's status file (tools/lakehouse/supervisor.ts writes it, the dashboard's health
 * reads it): which of the instance's servers is up, which is down and since when, how many restarts.
 * One JSON document, replaced atomically, so a reader never sees half of it.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const SERVER_STATES = ["up", "down", "restarting", "crash-loop"] as const;
export type ServerState = (typeof SERVER_STATES)[number];

export const SupervisedServerStatusSchema = z.object({
  name: z.string(),
  label: z.string(),
  state: z.enum(SERVER_STATES),
  /** Epoch ms of its death; null while up. */
  downSince: z.number().nullable(),
  restarts: z.number().int().min(0),
  lastError: z.string().nullable(),
  /** How long its last outage lasted, death to back up (ms). */
  lastRecoveryMs: z.number().nullable(),
  logFile: z.string(),
});

export const SupervisionStatusSchema = z.object({
  /** Rewritten at least every 5 s while the supervisor runs: an old one means nobody supervises. */
  updatedAt: z.number(),
  supervisorPid: z.number().int(),
  servers: z.array(SupervisedServerStatusSchema),
});

export type SupervisionStatus = z.infer<typeof SupervisionStatusSchema>;
export type SupervisedServerStatus = z.infer<typeof SupervisedServerStatusSchema>;

/** Written beside its final name, then renamed over it. */
export function writeSupervisionStatus(file: string, status: SupervisionStatus): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(status)}\n`);
  fs.renameSync(tmp, file);
}

/** The file's status, or null when there is none or it is not one (a reader must never throw on it). */
export function readSupervisionStatus(file: string): SupervisionStatus | null {
  try {
    const parsed = SupervisionStatusSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
