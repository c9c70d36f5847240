/** The school owner's settings (src/routes/owner-settings.tsx): one page, one form per municipality. */
export const ownerSettingsPaths = {
  page: '/municipalities/settings',
  saved: '/municipalities/settings?saved=1',
  municipality: (municipalityId: number) => `/municipalities/${municipalityId}/settings`,
} as const;
