/** The school office's pupil page (src/routes/office-pupils.tsx): guardians from the register and contact persons. */
export const officePupilPaths = {
  pupil: (pupilId: number, notice?: 'added' | 'updated' | 'removed') =>
    `/office/pupils/${pupilId}${notice ? `?notice=${notice}` : ''}`,
  contacts: (pupilId: number) => `/office/pupils/${pupilId}/contacts`,
  contact: (pupilId: number, relationId: number) => `/office/pupils/${pupilId}/contacts/${relationId}`,
  contactRemoval: (pupilId: number, relationId: number) => `/office/pupils/${pupilId}/contacts/${relationId}/removal`,
} as const;
