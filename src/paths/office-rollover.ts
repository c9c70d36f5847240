/** The school office's year rollover and former pupils (src/routes/office-rollover.tsx). */
export const officeRolloverPaths = {
  rollover: (schoolId: number) => `/office/schools/${schoolId}/rollover`,
  rolledOver: (schoolId: number) => `/office/schools/${schoolId}/rollover?done=1`,
  formerPupils: (schoolId: number, page = 1) =>
    `/office/schools/${schoolId}/former-pupils${page > 1 ? `?page=${page}` : ''}`,
} as const;
