#!/usr/bin/env node
/**
 * Runs before every npm entry point (`npm start`, `npm test`, `npm run lakehouse`) and installs what
 * a fresh machine lacks before anything needs it, one progress line per step:
 *   - npm dependencies: `npm ci` when node_modules is missing or older than package-lock.json;
 *   - Apache Maven (Trino 476 is fetched from Maven Central with `mvn`), from Debian, when absent;
 *   - PostgreSQL (Debian's `postgresql`, 15 on bookworm): the Iceberg catalog's and Pulse's own database;
 *   - for the tests only (`bootstrap.mjs test`): Debian's Chromium and a font, for the browser tests.
 * It needs nothing but Node itself: it runs before tsx and TypeScript exist. When something cannot be
 * installed (not root, no network) it names the package and the command to run, and exits non-zero.
 * A JDK 24+ cannot come from Debian bookworm, so it is checked (not installed) by the Trino launcher.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const purpose = process.argv[2] ?? "start";
if (!["start", "test", "tools"].includes(purpose)) {
  console.error(`usage: node scripts/bootstrap.mjs start|test|tools (got ${purpose})`);
  process.exit(2);
}

const say = (msg) => console.log(`[setup] ${msg}`);

class SetupError extends Error {}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command; throws a SetupError naming it when it fails. `quiet` keeps the output (apt's is
 * hundreds of lines) and shows its last lines only on failure.
 */
function run(cmd, args, hint, quiet = false) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status}`;
    const tail = quiet ? `\n${`${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(-20).join("\n")}\n` : "";
    throw new SetupError(`\`${[cmd, ...args].join(" ")}\` failed (${why}).${tail}${hint ? ` ${hint}` : ""}`);
  }
}

function ensureNodeModules() {
  const lock = path.join(ROOT, "package-lock.json");
  // npm writes node_modules/.package-lock.json at the end of every install: its age is the install's.
  const installed = mtime(path.join(ROOT, "node_modules", ".package-lock.json"));
  if (installed !== undefined && installed >= (mtime(lock) ?? 0)) return;
  say(installed === undefined ? "installing npm dependencies (npm ci)…" : "package-lock.json changed: reinstalling npm dependencies (npm ci)…");
  const t0 = Date.now();
  const npm = process.env.npm_execpath ? process.execPath : "npm";
  const npmArgs = process.env.npm_execpath ? [process.env.npm_execpath] : [];
  run(
    npm,
    [...npmArgs, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
    "Check that the npm registry is reachable, then run `npm ci` yourself to see why.",
  );
  say(`npm dependencies installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const onPath = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;

/** Debian packages, installed with apt-get when missing; `needed` maps each package to its presence check. */
function ensureDebianPackages(needed) {
  const missing = needed.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(" ")}`;
  if (!onPath("apt-get"))
    throw new SetupError(`missing ${missing.join(", ")} and this is not a Debian machine (no apt-get): install them, then run this again.`);
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new SetupError(`missing Debian package(s) ${missing.join(", ")}; installing needs root. Run: sudo sh -c '${command}'`);
  }
  say(`installing Debian package(s) ${missing.join(", ")} (apt-get)…`);
  const t0 = Date.now();
  const hint = `Install them yourself with: ${command}`;
  run("apt-get", ["update", "-qq"], hint, true);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], hint, true);
  const still = needed.filter((p) => missing.includes(p.pkg) && !p.present()).map((p) => p.pkg);
  if (still.length) throw new SetupError(`apt-get reported success but ${still.join(", ")} is still missing. ${hint}`);
  say(`installed ${missing.join(", ")} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const chromiumPath = process.env.PULSE_CHROMIUM || "/usr/bin/chromium";

/** Debian puts the server programs off the PATH, under /usr/lib/postgresql/<major>/bin (tools/postgres/binaries.ts). */
function postgresServerPresent() {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return false;
  return fs.readdirSync(root).some((major) => ["initdb", "pg_ctl", "postgres"].every((p) => fs.existsSync(path.join(root, major, "bin", p))));
}

try {
  ensureNodeModules();
  const debian = [
    { pkg: "maven", present: () => onPath("mvn") },
    { pkg: "postgresql", present: postgresServerPresent },
  ];
  if (purpose === "test") {
    // The browser tests use Debian's Chromium (Playwright never downloads a browser) and need a font
    // so that screenshots show text.
    debian.push({ pkg: "chromium", present: () => fs.existsSync(chromiumPath) });
    debian.push({ pkg: "fonts-dejavu-core", present: () => fs.existsSync("/usr/share/fonts/truetype/dejavu") });
  }
  ensureDebianPackages(debian);
} catch (err) {
  console.error(`[setup] cannot continue: ${err instanceof SetupError ? err.message : err}`);
  process.exit(1);
}
