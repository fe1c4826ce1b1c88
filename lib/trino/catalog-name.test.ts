import assert from "node:assert/strict";
import { test } from "node:test";
import { inCatalog } from "./catalog-name";

test("catalog qualifiers in code are renamed, everything else is left alone", () => {
  assert.equal(
    inCatalog("SELECT * FROM lakehouse.gold.rt_trending t JOIN lakehouse .dims.dim_videos d ON true", "warehouse_prod"),
    "SELECT * FROM warehouse_prod.gold.rt_trending t JOIN warehouse_prod .dims.dim_videos d ON true",
  );
  // (lakehouse.x inside a function call, after a comma or a newline)
  assert.equal(inCatalog("SELECT 1 FROM\nlakehouse.a.b,lakehouse.c.d", "w"), "SELECT 1 FROM\nw.a.b,w.c.d");
  assert.equal(inCatalog("ALTER TABLE lakehouse.{{schema}}.{{table}} EXECUTE optimize", "w"), "ALTER TABLE w.{{schema}}.{{table}} EXECUTE optimize");
});

test("string literals, quoted identifiers, comments and longer names are not renamed", () => {
  const sql = [
    "SELECT 'lakehouse.gold.x' AS s, \"lakehouse\".gold.t, lakehouse_x.gold.t, x_lakehouse.gold.t, other.lakehouse.t, lakehouse AS c",
    "-- reads lakehouse.gold.t",
    "/* lakehouse.gold.t */ FROM lakehouse.gold.t WHERE v = 'it''s lakehouse.a'",
  ].join("\n");
  assert.equal(
    inCatalog(sql, "warehouse_prod"),
    [
      "SELECT 'lakehouse.gold.x' AS s, \"lakehouse\".gold.t, lakehouse_x.gold.t, x_lakehouse.gold.t, other.lakehouse.t, lakehouse AS c",
      "-- reads lakehouse.gold.t",
      "/* lakehouse.gold.t */ FROM warehouse_prod.gold.t WHERE v = 'it''s lakehouse.a'",
    ].join("\n"),
  );
});

test("the default catalog changes nothing; a name that is not plain is refused", () => {
  assert.equal(inCatalog("SELECT * FROM lakehouse.gold.t"), "SELECT * FROM lakehouse.gold.t");
  assert.equal(inCatalog("SELECT * FROM lakehouse.gold.t", "lakehouse"), "SELECT * FROM lakehouse.gold.t");
  assert.throws(() => inCatalog("SELECT 1", "a.b"), /not a plain catalog name: "a\.b"/);
  assert.throws(() => inCatalog("SELECT 1", "x; DROP"), /not a plain catalog name/);
  assert.throws(() => inCatalog("SELECT 1", "Prod"), /not a plain catalog name/);
});
