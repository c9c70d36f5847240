/**
 * The UI kit's class strings: every link, card and button of the app takes its look from here, so a change of
 * style is one edit. Views add layout (spacing, width, font weight) around them, never a second copy.
 */

/** A link in running text or a list. */
export const link = 'text-sky-900 underline underline-offset-2';

/** A link in a navigation bar or a tab row: underlined only on hover. */
export const navLink = 'text-sky-900 underline-offset-4 hover:underline';

/** The white, rounded, bordered box around a section, a list or a table (no padding). */
export const frame = 'rounded-lg border border-slate-200 bg-white';

/** A card: the frame with padding. */
export const card = `${frame} p-4`;

/** A list in a frame, its items divided by lines. */
export const listCard = `divide-y divide-slate-200 ${frame}`;

const solid = 'rounded bg-sky-800 font-semibold text-white hover:bg-sky-900';
const outline = 'rounded border border-slate-500 bg-white font-semibold text-slate-900 hover:bg-slate-100';

/** The main action of a form. */
export const primaryButton = `${solid} px-4 py-2`;

/** Another action beside it (cancel, choose, a secondary step). */
export const secondaryButton = `${outline} px-4 py-2`;

/** A small action inside a list item (withdraw, mark). */
export const smallButton = `${outline} px-3 py-1 text-sm`;

/** A link that looks like the primary button (a GET to a form). */
export const primaryLink = `inline-block ${solid} px-4 py-2 no-underline`;

/** A link that looks like a secondary button. */
export const secondaryLink =
  'inline-block rounded border border-sky-800 bg-white px-4 py-2 font-semibold text-sky-900 underline hover:bg-slate-100';
