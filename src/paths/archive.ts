/** The school owner's archive extract (D7, src/routes/archive.tsx): the page and the form that makes the package. */
export const archivePaths = {
  pattern: '/municipalities/:id/archive',
  page: (municipalityId: number) => `/municipalities/${municipalityId}/archive`,
  extract: (municipalityId: number) => `/municipalities/${municipalityId}/archive/extract`,
} as const;
