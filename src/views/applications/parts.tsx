import type { Children } from '@kitajs/html';

export const card = 'rounded-lg border border-slate-200 bg-white p-4';
export const link = 'text-sky-900 underline underline-offset-2';

/** One label/value row of a description list (stacked on a phone, side by side from sm). */
export function Row({ label, children }: { label: string; children: Children }) {
  return (
    <div class="sm:grid sm:grid-cols-[12rem_1fr] sm:gap-3">
      <dt class="font-semibold" safe>{label}</dt>
      <dd class="mb-2 sm:mb-0">{children}</dd>
    </div>
  );
}

/** A section with an h2 tied to it. */
export function Section({ id, heading, children }: { id: string; heading: string; children: Children }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} class={`${card} space-y-3`}>
      <h2 id={`${id}-heading`} class="text-xl font-semibold" safe>{heading}</h2>
      {children}
    </section>
  );
}
