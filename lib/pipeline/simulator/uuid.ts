/**
 * Event ids shaped like UUID v4 (8-4-4-4-12 hex, version nibble 4, RFC 4122 variant), drawn from
 * the simulator's PRNG instead of crypto.randomUUID so that replays produce the same ids.
 */
import type { Rng } from "./rng";

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(x: number): string {
  return HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}

function hex16(x: number): string {
  return HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}

export function uuidV4(rng: Rng): string {
  const a = rng.nextU32();
  const b = ((rng.nextU32() & 0xffff0fff) | 0x00004000) >>> 0;
  const c = ((rng.nextU32() & 0x3fffffff) | 0x80000000) >>> 0;
  const d = rng.nextU32();
  return `${hex32(a)}-${hex16(b >>> 16)}-${hex16(b)}-${hex16(c >>> 16)}-${hex16(c)}${hex32(d)}`;
}
