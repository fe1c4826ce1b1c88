/**
 * The one audited place where values become SQL text.
 *
 * Every value that did not come from this repository's own source (request input, generated data,
 * file names) reaches Trino only through `bindSql`: a template with named `:placeholders` plus a
 * record of typed values, each rendered as a Trino literal of a known type. Identifiers are never
 * bound: table and column names come from code, not from data.
 */

/** A calendar date, rendered as `DATE 'YYYY-MM-DD'`. */
export interface SqlDate {
  readonly kind: "date";
  readonly value: string;
}

/** An exact instant, rendered as `TIMESTAMP '... UTC'` (timestamp(6) with time zone). */
export interface SqlInstant {
  readonly kind: "instant";
  /** Microseconds since the Unix epoch, so that Iceberg's microsecond precision round-trips. */
  readonly epochMicros: bigint;
}

export type SqlScalar = string | number | bigint | boolean | null | Date | SqlDate | SqlInstant;
export type SqlValue = SqlScalar | readonly SqlScalar[];
export type SqlParams = Readonly<Record<string, SqlValue>>;

export class SqlBindError extends Error {
  override readonly name = "SqlBindError";
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLACEHOLDER_NAME_RE = /^[a-z_][a-z0-9_]*$/i;
// Large enough for a Bronze batch sent as one JSON literal; request inputs are bounded far lower by their zod schemas.
const MAX_STRING_LENGTH = 64 * 1024 * 1024;

export function sqlDate(value: string): SqlDate {
  const m = DATE_RE.exec(value);
  if (!m) throw new SqlBindError(`not a date (YYYY-MM-DD): ${JSON.stringify(value.slice(0, 40))}`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new SqlBindError(`not a calendar date: ${value}`);
  }
  return { kind: "date", value };
}

export function sqlInstant(value: Date | bigint): SqlInstant {
  if (typeof value === "bigint") return { kind: "instant", epochMicros: value };
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw new SqlBindError("invalid Date");
  return { kind: "instant", epochMicros: BigInt(ms) * 1000n };
}

function quoteString(value: string): string {
  if (value.length > MAX_STRING_LENGTH) throw new SqlBindError(`string parameter longer than ${MAX_STRING_LENGTH} characters`);
  if (value.includes("\u0000")) throw new SqlBindError("string parameter contains a NUL character");
  // In Trino a string literal ends only at an undoubled single quote; backslashes are not escapes.
  return `'${value.replaceAll("'", "''")}'`;
}

function renderInstant(epochMicros: bigint): string {
  const millis = epochMicros / 1000n;
  let micros = epochMicros % 1_000_000n;
  if (micros < 0n) micros += 1_000_000n;
  const d = new Date(Number(millis));
  if (Number.isNaN(d.getTime())) throw new SqlBindError("instant out of range");
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  if (!/^\d{4}-/.test(iso)) throw new SqlBindError("instant outside years 0000-9999");
  return `TIMESTAMP '${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros.toString().padStart(6, "0")} UTC'`;
}

function renderNumber(value: number): string {
  if (!Number.isFinite(value)) throw new SqlBindError(`number parameter is not finite: ${value}`);
  if (Number.isSafeInteger(value)) return String(value);
  // String(number) is always a plain decimal or exponent form, never anything Trino could misread.
  return `DOUBLE '${String(value)}'`;
}

function renderScalar(value: SqlScalar): string {
  if (value === null) return "NULL";
  switch (typeof value) {
    case "string":
      return quoteString(value);
    case "number":
      return renderNumber(value);
    case "bigint":
      if (value > 9223372036854775807n || value < -9223372036854775808n) throw new SqlBindError("bigint out of range");
      return value.toString();
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "object":
      if (value instanceof Date) return renderInstant(sqlInstant(value).epochMicros);
      switch (value.kind) {
        case "date":
          return `DATE '${sqlDate(value.value).value}'`;
        case "instant":
          return renderInstant(value.epochMicros);
      }
  }
  throw new SqlBindError(`unsupported parameter type: ${typeof value}`);
}

function renderValue(value: SqlValue): string {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new SqlBindError("empty array parameter: handle the empty case before binding");
    return `ARRAY[${value.map(renderScalar).join(", ")}]`;
  }
  return renderScalar(value as SqlScalar);
}

/** A piece of SQL text: code, a quoted string or identifier (quotes included), or a comment. */
export interface SqlSegment {
  readonly kind: "code" | "quoted" | "comment";
  readonly text: string;
}

/**
 * Splits SQL text into code, quoted strings or identifiers, and comments: the one scanner that
 * knows whether a `:name`, a `--` or a `;` is SQL or sits inside a literal or a comment. bindSql
 * binds placeholders in code only; statementOf (sql-text.ts) drops the comments. Joining the
 * segments' text gives back the input.
 */
export function sqlSegments(text: string): SqlSegment[] {
  const out: SqlSegment[] = [];
  let codeStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    let kind: "quoted" | "comment";
    let end: number;
    if (c === "'" || c === '"') {
      kind = "quoted";
      end = findClosingQuote(text, i, c) + 1;
    } else if (c === "-" && next === "-") {
      kind = "comment";
      const newline = text.indexOf("\n", i);
      end = newline === -1 ? text.length : newline;
    } else if (c === "/" && next === "*") {
      kind = "comment";
      const close = text.indexOf("*/", i + 2);
      if (close === -1) throw new SqlBindError("unterminated block comment in template");
      end = close + 2;
    } else {
      i += 1;
      continue;
    }
    if (i > codeStart) out.push({ kind: "code", text: text.slice(codeStart, i) });
    out.push({ kind, text: text.slice(i, end) });
    i = end;
    codeStart = end;
  }
  if (text.length > codeStart) out.push({ kind: "code", text: text.slice(codeStart) });
  return out;
}

/**
 * Replaces each `:name` in `template` with the literal for `params[name]`.
 * Placeholders inside quoted strings, quoted identifiers and comments are left alone, so a template
 * may mention a colon in a literal. Every placeholder must have a value and every value a placeholder.
 */
export function bindSql(template: string, params: SqlParams = {}): string {
  for (const key of Object.keys(params)) {
    if (!PLACEHOLDER_NAME_RE.test(key)) throw new SqlBindError(`bad placeholder name: ${key}`);
  }
  const used = new Set<string>();
  const out = sqlSegments(template)
    .map((segment) =>
      segment.kind !== "code"
        ? segment.text
        : segment.text.replace(/:([a-z_][a-z0-9_]*)/gi, (_, name: string) => {
            if (!Object.hasOwn(params, name)) throw new SqlBindError(`no value for placeholder :${name}`);
            used.add(name);
            return renderValue(params[name]!);
          }),
    )
    .join("");
  const unused = Object.keys(params).filter((k) => !used.has(k));
  if (unused.length > 0) throw new SqlBindError(`parameters not used by the template: ${unused.join(", ")}`);
  return out;
}

function findClosingQuote(text: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j;
    }
    j += 1;
  }
  throw new SqlBindError("unterminated quote in template");
}
