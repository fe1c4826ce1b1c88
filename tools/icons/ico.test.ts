import assert from "node:assert/strict";
import { test } from "node:test";
import { packIco } from "./ico";

test("an ICO of two PNGs: header, two directory entries with sizes and offsets, then the images", () => {
  const a = Buffer.from([1, 2, 3]);
  const b = Buffer.from([4, 5]);
  const ico = packIco([
    { size: 16, png: a },
    { size: 256, png: b },
  ]);
  assert.equal(ico.length, 6 + 32 + 5);
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)], [0, 1, 2]);
  // First entry: 16 x 16, 32 bpp, 3 bytes at offset 38.
  assert.deepEqual([ico[6], ico[7], ico.readUInt16LE(12), ico.readUInt32LE(14), ico.readUInt32LE(18)], [16, 16, 32, 3, 38]);
  // Second: 256 is written as 0; 2 bytes at offset 41.
  assert.deepEqual([ico[22], ico[23], ico.readUInt32LE(30), ico.readUInt32LE(34)], [0, 0, 2, 41]);
  assert.deepEqual([...ico.subarray(38)], [1, 2, 3, 4, 5]);
  assert.throws(() => packIco([{ size: 300, png: a }]), /1 to 256 px/);
});
