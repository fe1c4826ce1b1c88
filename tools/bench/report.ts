/**
 * Where benchmark output goes: results on stdout (so `> file` keeps only the report), progress on
 * stderr with a wall-clock time.
 */

export const out = (line = "") => console.log(line);
export const progress = (msg: string) => process.stderr.write(`  · ${new Date().toISOString().slice(11, 19)} ${msg}\n`);
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
