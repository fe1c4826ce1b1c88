/**
 * What the nav says of the supervisor's report (Health["supervision"]): nothing while every server is
 * up, else the first server that is not, since when and how many restarts, or that nobody supervises.
 */
import type { Health } from "./models";

export interface SupervisionBadge {
  readonly tone: "down" | "stale";
  readonly text: string;
  /** Every server that is not up, one per line, for the tooltip. */
  readonly detail: string;
}

const clock = (ms: number, timeZone = "UTC") =>
  `${new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone })}${timeZone === "UTC" ? " UTC" : ""}`;

const restartsText = (n: number) => (n === 0 ? "" : ` · ${n} restart${n === 1 ? "" : "s"}`);

export function supervisionBadge(s: Health["supervision"], timeZone = "UTC"): SupervisionBadge | null {
  if (!s) return null;
  const notUp = s.servers.filter((x) => x.state !== "up");
  if (!s.reporting) {
    return {
      tone: "stale",
      text: `servers unsupervised since ${clock(s.updatedAt, timeZone)}`,
      detail: "the main command (npm start) stopped reporting: nothing restarts a server that dies",
    };
  }
  const first = notUp[0];
  if (!first) return null;
  const line = (x: (typeof notUp)[number]) =>
    `${x.label} ${x.state === "crash-loop" ? "in a crash loop (not restarted again)" : x.state === "restarting" ? "restarting" : "down"} since ${x.downSince === null ? "?" : clock(x.downSince, timeZone)}${restartsText(x.restarts)}${x.lastError ? ` (${x.lastError})` : ""}`;
  const what = first.state === "crash-loop" ? "crash loop" : "down";
  return {
    tone: "down",
    text: `${first.label} ${what} since ${first.downSince === null ? "?" : clock(first.downSince, timeZone)}${restartsText(first.restarts)}${notUp.length > 1 ? ` (+${notUp.length - 1})` : ""}`,
    detail: notUp.map(line).join("\n"),
  };
}
