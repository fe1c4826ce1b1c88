/**
 * The dashboard server as one of the supervisor's servers (tools/lakehouse/supervisor.ts): alive
 * while its child process runs; restarted with the options it was first started with. `stop()`
 * stops whichever process is the current one.
 */
import type { SupervisedServer } from "../lakehouse/supervisor";
import { logFile } from "./handover";
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
      logFile: options.pidFile ? logFile(options.pidFile) : "the output of the process that started it",
      alive: () => current.alive(),
      restart: async () => {
        current = await startDashboard(options);
      },
    },
    url: () => current.url,
    stop: () => current.stop(),
  };
}
