/** Shared form pieces: the saved-change receipt and the error summary (WCAG 3.3.1). */

/** A receipt after a saved change, read out by screen readers. */
export function Notice({ text }: { text?: string }) {
  return text ? <p class="rounded border border-emerald-700 bg-emerald-50 p-3 text-emerald-950" role="status" safe>{text}</p> : '';
}

/** The error summary: one link per field in error, focused (also after an htmx swap) so it is read first. */
export function ErrorSummary({ heading, errors }: { heading: string; errors: { field: string; message: string }[] }) {
  if (errors.length === 0) return '';
  return (
    <div class="rounded border-2 border-red-800 bg-red-50 p-3" role="alert" tabindex="-1" {...{ autofocus: true }}>
      <p class="font-semibold" safe>{heading}</p>
      <ul class="mt-1 list-disc pl-5">
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`} class="text-red-900 underline" safe>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
