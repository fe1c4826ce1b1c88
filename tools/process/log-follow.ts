/**
 * Follows a log file another process appends to (like `tail -f`, polling once a second), handing
 * each new complete line to `onLine`. Used for a server whose output goes to a file rather than a
 * pipe, so that it outlives the process that reads it.
 */
import fs from "node:fs";

export function followLog(file: string, onLine: (line: string) => void, everyMs = 1_000): () => void {
  let offset = fs.existsSync(file) ? fs.statSync(file).size : 0;
  let partial = "";
  const timer = setInterval(() => {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size < offset) offset = 0; // the file was replaced
    if (size === offset) return;
    const fd = fs.openSync(file, "r");
    try {
      const buf = Buffer.alloc(Math.min(size - offset, 1_048_576));
      const n = fs.readSync(fd, buf, 0, buf.length, offset);
      offset += n;
      const lines = (partial + buf.subarray(0, n).toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line) onLine(line);
    } finally {
      fs.closeSync(fd);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
