import Link from "next/link";

/** A page's answer to a URL it cannot read: which parameter is wrong and a way back, never a 500. */
export function InvalidParams({ issues, resetHref }: { issues: readonly { param: string; message: string }[]; resetHref: string }) {
  return (
    <div className="mx-auto max-w-xl py-16" role="alert" data-testid="invalid-params">
      <h1 className="text-xl font-semibold">This link has settings Pulse cannot read</h1>
      <ul className="mt-4 list-disc space-y-1 pl-6 text-sm text-slate-600 dark:text-slate-300">
        {issues.map((i) => (
          <li key={i.param + i.message}>
            <code className="font-mono">{i.param}</code>: {i.message}
          </li>
        ))}
      </ul>
      <Link href={resetHref} className="mt-6 inline-block text-rose-600 underline dark:text-rose-400">
        Open the default view
      </Link>
    </div>
  );
}
