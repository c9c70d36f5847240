/** The guardian's own data (G16, src/routes/my-data.tsx): the page, its two downloads, and each child's whole log. */
export const myDataPaths = {
  page: '/me/data',
  json: '/me/data.json',
  pdf: '/me/data.pdf',
  logPattern: '/me/data/children/:childId/log',
  log: (childId: number, page = 1) => `/me/data/children/${childId}/log${page > 1 ? `?page=${page}` : ''}`,
} as const;
