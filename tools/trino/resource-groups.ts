/**
 * Trino's resource groups for a local lakehouse (file manager, read by the coordinator only): the
 * pipeline and the dashboard each get their own group, so dashboard load never takes a slot or the
 * memory a micro-batch needs. A pure function, unit-tested value by value (trino-config.test.ts);
 * README "Admission control" shows the same document for an attached Trino's operator.
 *
 * - `pulse.pipeline` (pulse_writer: the jobs; pulse_admin: migrations and maintenance): room for
 *   every job at once and a queue that never refuses, all the memory, scheduling weight 10.
 * - `pulse.dashboard` (pulse_dashboard): K + 2 queries at once, where K is the dashboard server's
 *   own gate (PULSE_DASHBOARD_MAX_QUERIES, lib/server/admission.ts) and the 2 are its statements
 *   outside that gate (the health check, the live watcher's probe); 4K queued at most, beyond
 *   which Trino refuses (QUERY_QUEUE_FULL, a 503 at the dashboard); 40% of the cluster's query
 *   memory, past which its new queries wait, so the pipeline always has 60%.
 * - The root runs both at once (its limit is the sum of theirs): neither waits for the other's
 *   slots. Should an operator lower it, `weighted_fair` hands each free slot to the group furthest
 *   below its weighted share, which with weights 10 to 1 is the pipeline; `weighted` would only be
 *   likely to (it draws at random in proportion to the weights).
 * No other user can log in to a local Trino (its password file has these three), so there is no
 * catch-all group: an unknown user's query matches no selector and is refused.
 */
import { USERS } from "../../lib/lakehouse/settings";

export const PIPELINE_MAX_RUNNING = 20;
export const PIPELINE_MAX_QUEUED = 1000;

export interface ResourceGroupsConfig {
  readonly rootGroups: readonly object[];
  readonly selectors: readonly { readonly user: string; readonly group: string }[];
}

/** The groups' full names as system.runtime.queries.resource_group_id lists them. */
export const RESOURCE_GROUPS = { pipeline: ["pulse", "pipeline"], dashboard: ["pulse", "dashboard"] } as const;

export function resourceGroups(dashboardMaxQueries: number): ResourceGroupsConfig {
  const dashboard = { running: dashboardMaxQueries + 2, queued: 4 * dashboardMaxQueries };
  return {
    rootGroups: [
      {
        name: "pulse",
        softMemoryLimit: "100%",
        hardConcurrencyLimit: PIPELINE_MAX_RUNNING + dashboard.running,
        maxQueued: PIPELINE_MAX_QUEUED + dashboard.queued,
        schedulingPolicy: "weighted_fair",
        subGroups: [
          {
            name: "pipeline",
            softMemoryLimit: "100%",
            hardConcurrencyLimit: PIPELINE_MAX_RUNNING,
            maxQueued: PIPELINE_MAX_QUEUED,
            schedulingWeight: 10,
          },
          {
            name: "dashboard",
            softMemoryLimit: "40%",
            hardConcurrencyLimit: dashboard.running,
            maxQueued: dashboard.queued,
            schedulingWeight: 1,
          },
        ],
      },
    ],
    selectors: [
      { user: `^(${USERS.writer}|${USERS.admin})$`, group: RESOURCE_GROUPS.pipeline.join(".") },
      { user: `^${USERS.dashboard}$`, group: RESOURCE_GROUPS.dashboard.join(".") },
    ],
  };
}
