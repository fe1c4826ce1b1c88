import "server-only";
/**
 * The dashboard server's webhook sender (webhook-sender.ts) over the operational store: a pass after
 * each evaluation that recorded events (kick), and one every POLL_MS for retries that come due and
 * for events another server recorded. Passes never overlap.
 */
import { serverConfig } from "../../config/server";
import { opsQuery } from "../ops/ops-db";
import { SEND_BATCH, sendDue } from "./webhook-sender";

const POLL_MS = 1_000;

class AlertDelivery {
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> | undefined;
  private again = false;
  private lastFailure: string | undefined;

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  kick(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = this.pass().finally(() => {
      this.busy = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async pass(): Promise<void> {
    const env = serverConfig();
    try {
      const options = {
        query: (name: string, values: readonly unknown[]) => opsQuery(name, values),
        defaultUrl: env.PULSE_ALERT_WEBHOOK_URL,
        maxAttempts: env.PULSE_ALERT_MAX_ATTEMPTS,
        retryBaseMs: env.PULSE_ALERT_RETRY_BASE_MS,
        publicUrl: env.PULSE_PUBLIC_URL,
        log: (m: string) => console.error(m),
      };
      // A full batch may leave more due: keep going until a pass finds fewer.
      for (;;) if ((await sendDue(options)) < SEND_BATCH) break;
      this.lastFailure = undefined;
    } catch (err) {
      // Once per distinct failure, not once a second while the store is down or not yet migrated.
      const message = (err as Error).message;
      if (message !== this.lastFailure) console.error(`[alerts] delivery pass failed: ${message}`);
      this.lastFailure = message;
    }
  }
}

const key = Symbol.for("pulse.dashboard.alertDelivery");
type Holder = { [key]?: AlertDelivery };

export function alertDelivery(): AlertDelivery {
  const holder = globalThis as Holder;
  holder[key] ??= new AlertDelivery();
  return holder[key];
}
