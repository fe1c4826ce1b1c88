/** A command's `--name N` option: a positive number, `fallback` when absent; anything else is refused by name. */
export function positiveOption(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} takes a positive number, not ${argv[i + 1]}`);
  return v;
}
