import type { Children } from '@kitajs/html';

/** A section of a long text page (the privacy and accessibility statements): an h2 tied to it, no card. */
export function ProseSection({ id, heading, children }: { id: string; heading: string; children: Children }) {
  return (
    <section aria-labelledby={`${id}-heading`} class="space-y-2">
      <h2 id={`${id}-heading`} class="text-xl font-semibold" safe>
        {heading}
      </h2>
      {children}
    </section>
  );
}
