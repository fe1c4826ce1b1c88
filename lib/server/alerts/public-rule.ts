/**
 * A rule as the open read API shows it: a webhook URL is a credential (a Slack incoming-webhook URL
 * lets anyone post to the channel), so only its scheme and host are shown.
 */
import type { AlertRule } from "../../dashboard/alerts";

export function redactWebhook(url: string | null): string | null {
  if (url === null) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "(set)";
  }
}

export const publicRule = (r: AlertRule): AlertRule => ({ ...r, webhookUrl: redactWebhook(r.webhookUrl) });
