/**
 * The simulated platform's identity (seed, start, scale), saved beside the instance's data so a
 * restarted main command resumes the same deterministic world where Bronze left off instead of
 * inventing a new one.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { InstanceSettings } from "../../lakehouse/settings";
import { runQuery, type TrinoConnection } from "../../trino/client";
import type { Simulation } from "../simulator";
import { startSimulation } from "./simulation-source";

const SimIdentity = z.object({
  seed: z.number().int(),
  startMs: z.number().int(),
  videos: z.number().int(),
  users: z.number().int(),
  eventsPerDay: z.number(),
});
export type SimIdentity = z.infer<typeof SimIdentity>;

const file = (s: InstanceSettings) => path.join(s.dir, "simulation.json");

export function saveIdentity(s: InstanceSettings, id: SimIdentity): void {
  fs.writeFileSync(file(s), `${JSON.stringify(id, null, 2)}\n`);
}

export function loadIdentity(s: InstanceSettings): SimIdentity | undefined {
  if (!fs.existsSync(file(s))) return undefined;
  return SimIdentity.parse(JSON.parse(fs.readFileSync(file(s), "utf8")));
}

/** Replays the world up to the newest Bronze delivery; what was generated while Pulse was down follows as a backlog. */
export async function resumeSimulation(conn: TrinoConnection, id: SimIdentity): Promise<Simulation> {
  const r = await runQuery<{ ms: number | null }>(conn, "SELECT to_unixtime(max(ingested_at)) * 1000 AS ms FROM lakehouse.bronze.raw_events");
  const sim = startSimulation(id);
  const last = r.rows[0]?.ms;
  if (last !== null && last !== undefined && last > sim.cursorMs) sim.skipTo(Math.floor(last));
  return sim;
}
