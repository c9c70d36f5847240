/** The guardian's own data (G16, src/routes/my-data.tsx): the page and its two downloads. */
export const myDataPaths = {
  page: '/me/data',
  json: '/me/data.json',
  pdf: '/me/data.pdf',
} as const;
