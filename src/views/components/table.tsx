import type { Children } from '@kitajs/html';
import { frame } from './classes.ts';

interface TableRegionProps {
  /** The id of the table's caption (or heading) that names the region … */
  labelledBy?: string;
  /** … or the name itself. Without either the region is not a landmark of its own (inside a section named the same). */
  label?: string;
  /** In the white card frame. */
  framed?: boolean;
  /** More classes (print rules). */
  class?: string;
  children: Children;
}

/**
 * A table wider than a phone scrolls sideways inside this region instead of widening the page (WCAG 1.4.10). The region
 * takes focus (tabindex 0) so it can be scrolled with the keyboard, and when named it is a region landmark, so a screen
 * reader says what it holds.
 */
export function TableRegion({ labelledBy, label, framed, class: extra, children }: TableRegionProps) {
  const cls = ['overflow-x-auto', framed ? frame : '', extra ?? ''].filter(Boolean).join(' ');
  return (
    <div
      class={cls}
      tabindex="0"
      role={labelledBy || label ? 'region' : undefined}
      aria-labelledby={labelledBy}
      aria-label={label}
    >
      {children}
    </div>
  );
}
