/** CSV (RFC 4180) of exactly the rows and columns a table shows, with formula injection neutralised. */

export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | null;
}

function cell(v: string | number | null): string {
  if (v === null) return "";
  let s = typeof v === "number" ? String(v) : v;
  // A spreadsheet runs a cell starting with = + - @ as a formula; a leading quote keeps it text.
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
