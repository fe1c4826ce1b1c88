/**
 * Settings of the commands that run Pulse (npm start, the lakehouse command, tests, benchmarks),
 * read once from `.env`, `.env.local` and the environment and validated (lib/config/definitions.ts).
 */
import { type ConfigOf, parseConfig } from "./definitions";
import { loadEnvFiles } from "./env-files";

export type ToolsConfig = ConfigOf<"tools">;

let cached: ToolsConfig | undefined;

export function toolsConfig(): ToolsConfig {
  if (!cached) {
    loadEnvFiles();
    cached = parseConfig("tools", process.env);
  }
  return cached;
}
