import assert from "node:assert/strict";
import test from "node:test";
import { Rng } from "./rng";
import { AliasTable, WeightedList, WeightTree } from "./sampling";
import { uuidV4 } from "./uuid";

test("Rng replays the same sequence for the same seed and stream, and differs otherwise", () => {
  const draw = (seed: number, stream: string) => {
    const rng = new Rng(seed, stream);
    return Array.from({ length: 8 }, () => rng.nextU32());
  };
  assert.deepEqual(draw(1, "a"), draw(1, "a"));
  assert.notDeepEqual(draw(1, "a"), draw(2, "a"));
  assert.notDeepEqual(draw(1, "a"), draw(1, "b"));
});

test("Rng.next is uniform on [0, 1) and int stays in range", () => {
  const rng = new Rng(9, "uniform");
  const bins = new Array<number>(10).fill(0);
  for (let i = 0; i < 100_000; i++) {
    const x = rng.next();
    assert.ok(x >= 0 && x < 1, `next() = ${x}`);
    bins[Math.floor(x * 10)]!++;
  }
  for (const b of bins) assert.ok(Math.abs(b - 10_000) < 500, `bin ${b}`);
  for (let i = 0; i < 1_000; i++) {
    const k = rng.int(7);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 7, `int(7) = ${k}`);
  }
});

test("uuidV4 looks like a version-4 UUID and is reproducible", () => {
  const a = new Rng(5, "ids");
  const b = new Rng(5, "ids");
  const seen = new Set<string>();
  for (let i = 0; i < 1_000; i++) {
    const id = uuidV4(a);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(uuidV4(b), id);
    seen.add(id);
  }
  assert.equal(seen.size, 1_000);
});

test("AliasTable and WeightedList draw in proportion to the weights", () => {
  const rng = new Rng(3, "alias");
  const table = new AliasTable([1, 2, 0, 7]);
  const list = new WeightedList<string>([
    ["a", 1],
    ["b", 2],
    ["c", 0],
    ["d", 7],
  ]);
  const byTable = [0, 0, 0, 0];
  const byList = [0, 0, 0, 0];
  for (let i = 0; i < 50_000; i++) {
    byTable[table.pick(rng)]!++;
    byList[list.pickIndex(rng)]!++;
  }
  for (const counts of [byTable, byList]) {
    assert.equal(counts[2], 0);
    assert.ok(Math.abs(counts[3]! / 50_000 - 0.7) < 0.01, `weight 7 drawn ${counts[3]} times`);
    assert.ok(Math.abs(counts[1]! / 50_000 - 0.2) < 0.01, `weight 2 drawn ${counts[1]} times`);
  }
});

test("WeightTree finds the item owning a cumulative offset, through updates and growth", () => {
  const tree = new WeightTree(2);
  tree.rebuild([1, 0, 3]);
  assert.equal(tree.total, 4);
  assert.equal(tree.find(0), 0);
  assert.equal(tree.find(0.999), 0);
  assert.equal(tree.find(1), 2);
  assert.equal(tree.find(3.999), 2);
  tree.set(1, 2); // [1, 2, 3]
  tree.set(9, 4); // grows: [1, 2, 3, 0 x 6, 4]
  assert.equal(tree.size, 10);
  assert.equal(tree.total, 10);
  assert.equal(tree.find(1.5), 1);
  assert.equal(tree.find(5.9), 2);
  assert.equal(tree.find(6), 9);
  assert.equal(tree.find(9.99), 9);
  tree.set(2, 0);
  assert.equal(tree.find(3), 9);
});
