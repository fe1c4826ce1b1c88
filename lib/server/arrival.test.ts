import assert from "node:assert/strict";
import { test } from "node:test";
import { ARRIVED_AT_HEADER, arrivedAt } from "./arrival";

const NOW = 1_795_600_000_000;
const at = (value?: string) => arrivedAt(new Headers(value === undefined ? {} : { [ARRIVED_AT_HEADER]: value }), NOW);

test("the server's stamp is the arrival; without a believable one, now", () => {
  assert.equal(at(String(NOW - 700)), NOW - 700);
  assert.equal(at(String(NOW)), NOW);
  assert.equal(at(), NOW);
  assert.equal(at(""), NOW);
  assert.equal(at("soon"), NOW);
  assert.equal(at(String(NOW + 5_000)), NOW, "a stamp from the future is not ours");
  assert.equal(at(String(NOW - 60_001)), NOW, "nor one older than a minute");
  assert.equal(at("1e400"), NOW);
});
