/** The public pages (src/routes/pages.tsx): the front page and the text pages. */
export const pagePaths = {
  front: '/',
  accessibility: '/accessibility',
  privacy: '/privacy',
} as const;
