import "server-only";
/**
 * Server configuration, read once from the environment and validated. The Trino URL and credentials
 * exist only here: nothing under app/ that runs in the browser can import this module.
 */
import { z } from "zod";

const schema = z.object({
  TRINO_URL: z.url({ error: "TRINO_URL must be a URL such as http://127.0.0.1:18080" }).default("http://127.0.0.1:18080"),
  TRINO_USER: z.string().min(1).default("pulse_dashboard"),
  TRINO_PASSWORD: z.string().optional(),
  TRINO_CATALOG: z.string().regex(/^[a-z_][a-z0-9_]*$/).default("lakehouse"),
  TRINO_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),
  PULSE_RT_CACHE_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  PULSE_DAILY_CACHE_SECONDS: z.coerce.number().min(1).max(86_400).default(60),
});

export type ServerEnv = z.output<typeof schema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`invalid dashboard configuration: ${lines}`);
    }
    cached = parsed.data;
  }
  return cached;
}
