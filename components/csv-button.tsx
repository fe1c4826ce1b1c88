"use client";
import { type CsvColumn, toCsv } from "@/lib/dashboard/csv";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Export CSV" of exactly the rows and columns given: raw values, never the on-screen formatting. */
export function CsvButton<Row>({ fileName, columns, rows }: { fileName: string; columns: readonly CsvColumn<Row>[]; rows: readonly Row[] }) {
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      onClick={() => download(fileName, toCsv(columns, rows))}
    >
      Export CSV
    </button>
  );
}
