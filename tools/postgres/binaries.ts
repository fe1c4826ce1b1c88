/**
 * Finds Debian's PostgreSQL server programs (package `postgresql`, installed by scripts/bootstrap.mjs):
 * initdb, pg_ctl and postgres live under /usr/lib/postgresql/<major>/bin, off the PATH. The newest
 * major installed is used.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = "/usr/lib/postgresql";
const PROGRAMS = ["initdb", "pg_ctl", "postgres"] as const;

export interface PostgresBinaries {
  readonly major: number;
  readonly dir: string;
}

export class PostgresNotFoundError extends Error {
  override readonly name = "PostgresNotFoundError";
}

export function findPostgres(root = ROOT): PostgresBinaries {
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  for (const major of majors) {
    const dir = path.join(root, String(major), "bin");
    if (PROGRAMS.every((p) => fs.existsSync(path.join(dir, p)))) return { major, dir };
  }
  throw new PostgresNotFoundError(
    `PostgreSQL's server programs (${PROGRAMS.join(", ")}) are not under ${root}/<version>/bin. Install Debian's package: apt-get update && apt-get install -y postgresql (npm start and npm test do it themselves when run as root)`,
  );
}

export const program = (bin: PostgresBinaries, name: (typeof PROGRAMS)[number]) => path.join(bin.dir, name);
