import "server-only";
/**
 * The dashboard server's settings, read once and validated (lib/config/definitions.ts). Next.js loads
 * `.env`/`.env.local` itself, by the same rule as lib/config/env-files.ts. The Trino URL and
 * credentials exist only here: nothing that runs in the browser can import this module.
 */
import { type ConfigOf, parseConfig } from "./definitions";

export type ServerConfig = ConfigOf<"server">;

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= parseConfig("server", process.env);
  return cached;
}
