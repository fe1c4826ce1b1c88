/**
 * The dashboard server as one of the supervisor's servers (tools/lakehouse/supervisor.ts): alive
 * while its child process runs; restarted with the options it was first started with. `stop()`
 * stops whichever process is the current one.
 */
import type { SupervisedServer } from "../lakehouse/supervisor";
import { type DashboardHandle, type DashboardOptions, startDashboard } from "./next-process";

export interface SupervisedDashboard {
  readonly server: SupervisedServer;
  readonly url: () => string;
  stop(): Promise<void>;
}

export function supervisedDashboard(options: DashboardOptions, first: DashboardHandle): SupervisedDashboard {
  let current = first;
  return {
    server: {
      name: "dashboard",
      label: "Dashboard",
      needs: [],
      jobsNeedIt: false,
      logFile: "npm start's own output (lines starting with [dashboard])",
      alive: () => current.child.exitCode === null && current.child.signalCode === null,
      restart: async () => {
        current = await startDashboard(options);
      },
    },
    url: () => current.url,
    stop: () => current.stop(),
  };
}
