/** Static files from public/ (src/app.ts serves /assets/*). */
export const assetPaths = {
  css: '/assets/app.css',
  htmx: '/assets/htmx.min.js',
  favicon: '/assets/favicon.svg',
} as const;
