import type { Children } from '@kitajs/html';

/** One label/value row of a description list (stacked on a phone, side by side from sm). */
export function Row({ label, children }: { label: string; children: Children }) {
  return (
    <div class="sm:grid sm:grid-cols-[12rem_1fr] sm:gap-3">
      <dt class="font-semibold" safe>
        {label}
      </dt>
      <dd class="mb-2 sm:mb-0">{children}</dd>
    </div>
  );
}
