/**
 * Static files from public/ (src/app.ts serves /assets/*). The CSS and htmx have no fixed URL: theirs carries a hash of
 * the built file (src/middleware/assets.ts) and reaches the layout through PageContext.assets.
 */
export const assetPaths = {
  favicon: '/assets/favicon.svg',
} as const;

/** The fingerprinted URLs the layout links; each changes whenever its file does. */
export interface AssetUrls {
  css: string;
  htmx: string;
}
