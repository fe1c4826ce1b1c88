/** The last lines of a server's log file, for error messages and `npm run lakehouse -- logs`. */
import fs from "node:fs";
import path from "node:path";

export function tailLog(file: string, n = 40): string {
  if (!fs.existsSync(file)) return `(no ${path.basename(file)} yet)`;
  return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-n).join("\n");
}
