import type { Children } from '@kitajs/html';
import { card } from './classes.ts';

/** A card section with its h2 tied to it (aria-labelledby); `oob` lets htmx swap it out of band. */
export function Section({
  id,
  heading,
  oob,
  children,
}: {
  id: string;
  heading: string;
  oob?: boolean;
  children: Children;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      class={`space-y-3 ${card}`}
      {...(oob ? { 'hx-swap-oob': 'true' } : {})}
    >
      <h2 id={`${id}-heading`} class="text-xl font-semibold" safe>
        {heading}
      </h2>
      {children}
    </section>
  );
}
