/** Turning a repository .sql file into one statement: `{{name}}` template variables and comment stripping. */
import { sqlSegments } from "./bind";

export type TemplateVars = Readonly<Record<string, string | number>>;

/** Replaces `{{name}}` with configuration values (numbers and fixed words from code, never user input). */
export function renderTemplate(text: string, vars: TemplateVars): string {
  return text.replace(/\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`template variable {{${name}}} has no value`);
    if (typeof value === "number" ? !Number.isFinite(value) : !/^[A-Za-z0-9_]+$/.test(value)) {
      throw new Error(`template variable {{${name}}} has an unsafe value`);
    }
    return String(value);
  });
}

/**
 * The statement of a .sql file: comments (the header included) dropped and the trailing semicolon
 * removed; a file holding more than one statement is refused. Comments and semicolons are found by
 * the binder's scanner, so a `--` or `;` inside a string literal is left alone.
 */
export function statementOf(fileName: string, text: string): string {
  const withoutComments = sqlSegments(text)
    .filter((segment) => segment.kind !== "comment")
    .map((segment) => segment.text)
    .join("")
    .trim()
    .replace(/\s*;\s*$/, "");
  if (withoutComments.length === 0) throw new Error(`${fileName} holds no statement`);
  if (sqlSegments(withoutComments).some((segment) => segment.kind === "code" && segment.text.includes(";"))) {
    throw new Error(`${fileName} holds more than one statement; keep one object per file`);
  }
  return withoutComments;
}
