/** Turning a repository .sql file into one statement: `{{name}}` template variables and comment stripping. */

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

/** Strips comments and the trailing semicolon; refuses files holding more than one statement. */
export function statementOf(fileName: string, text: string): string {
  const withoutComments = text
    .split("\n")
    .map((line) => {
      // A `--` inside a string literal would be cut here; DDL files keep comments on their own terms.
      const idx = line.indexOf("--");
      return idx === -1 ? line : line.slice(0, idx);
    })
    .join("\n")
    .trim()
    .replace(/\s*;\s*$/, "");
  if (withoutComments.length === 0) throw new Error(`${fileName} holds no statement`);
  if (withoutComments.includes(";")) throw new Error(`${fileName} holds more than one statement; keep one object per file`);
  return withoutComments;
}
