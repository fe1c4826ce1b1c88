/** Number formats of the benchmark reports; NaN (an empty sample) prints as "n/a". */

export const int = (n: number) => Math.round(n).toLocaleString("en-US");
export const ms1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");
export const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
export const ratio2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "n/a");
