/** "Skolebro – Ansatt", the staff's mobile view (src/routes/mobile.tsx; issue 14, items 1 and 2). */
export type ViewMode = 'mobile' | 'full';

/** Remembers the chosen view per browser; without it a phone (Sec-CH-UA-Mobile, the user agent) gets mobile. */
export const VIEW_COOKIE = 'skolebro_view';

export const mobilePaths = {
  /** The view switch: remembers the view and goes back to `returnTo` (a local path), where it exists in both. */
  choose: (mode: ViewMode, returnTo: string) => `/view/${mode}?return_to=${encodeURIComponent(returnTo)}`,
  /** "Fravær": today's lessons and the person's classes and groups, each opening its register. */
  attendance: '/attendance',
} as const;

/** The pages that exist in both views: the same URL serves the chosen one (I dag, Fravær, the registers, messages). */
const BOTH = [
  /^\/home$/,
  /^\/attendance$/,
  /^\/(classes|groups)\/\d{1,12}\/attendance$/,
  /^\/messages$/,
  /^\/messages\/\d{1,12}$/,
];

export const hasMobileVersion = (path: string) => BOTH.some((pattern) => pattern.test(path));
