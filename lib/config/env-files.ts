/**
 * The one rule for `.env` files, the one Next.js itself applies to the dashboard: `.env` then
 * `.env.local` from the repository root, and a variable already in the environment always wins.
 * Every entry point (scripts/*.ts, the tests, Next) therefore sees the same settings.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
// @next/env is a CommonJS bundle whose named exports Node cannot detect: take them from the default.
import nextEnv from "@next/env";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

let loaded = false;

export function loadEnvFiles(dir = REPO_ROOT): void {
  if (loaded) return;
  loaded = true;
  // dev=false: the production files (.env, .env.local, .env.production*), quietly.
  nextEnv.loadEnvConfig(dir, false, { info: () => undefined, error: (...args: unknown[]) => console.error(...args) });
}
