/** Free text people type (a note, a name, an author), as the write APIs accept it: trimmed, bounded, printable. */
import { z } from "zod";

const isControl = (ch: string) => {
  const c = ch.charCodeAt(0);
  return (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f;
};

export const plainText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    // Control characters (other than tab and newline) have no place in a note and break logs.
    .refine((s) => ![...s].some(isControl), `${what} contains control characters`);

/** A strict object's error: unknown fields are named, so a typo never silently drops a value. */
export const strictObjectError = (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `unknown field(s): ${(issue.keys ?? []).join(", ")}` : "the body must be a JSON object";
