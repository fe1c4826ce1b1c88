/**
 * Event ids shaped like UUID v4 (8-4-4-4-12 hex, version nibble 4, RFC 4122 variant), drawn from
 * the simulator's PRNG instead of crypto.randomUUID so that replays produce the same ids.
 *
 * Written as ASCII into one scratch buffer and decoded once: concatenating 16 hex pieces builds a
 * tree of intermediate strings per id, which measured ~5x slower (garbage collection) over millions.
 */
import type { Rng } from "./rng";

const DIGITS = Buffer.from("0123456789abcdef", "latin1");
const scratch = Buffer.from("00000000-0000-4000-8000-000000000000", "latin1");

function put(value: number, nibbles: number, at: number): void {
  let x = value;
  for (let i = nibbles - 1; i >= 0; i--) {
    scratch[at + i] = DIGITS[x & 15]!;
    x >>>= 4;
  }
}

export function uuidV4(rng: Rng): string {
  const a = rng.nextU32();
  const b = ((rng.nextU32() & 0xffff0fff) | 0x00004000) >>> 0;
  const c = ((rng.nextU32() & 0x3fffffff) | 0x80000000) >>> 0;
  const d = rng.nextU32();
  put(a, 8, 0);
  put(b >>> 16, 4, 9);
  put(b & 0xffff, 4, 14);
  put(c >>> 16, 4, 19);
  put(c & 0xffff, 4, 24);
  put(d >>> 16, 4, 28);
  put(d & 0xffff, 4, 32);
  return scratch.toString("latin1", 0, 36);
}
