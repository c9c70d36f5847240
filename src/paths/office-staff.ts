/** The school office's staff (src/routes/office-staff.tsx): grants per school, ending one, and the CSV import. */
export const officeStaffPaths = {
  staff: (schoolId: number, notice?: 'granted' | 'ended' | 'imported') =>
    `/office/schools/${schoolId}/staff${notice ? `?notice=${notice}` : ''}`,
  ending: (membershipId: number) => `/office/staff-grants/${membershipId}/ending`,
  importForm: (schoolId: number) => `/office/schools/${schoolId}/staff-import`,
  importPreview: (schoolId: number) => `/office/schools/${schoolId}/staff-import/preview`,
  importApply: (schoolId: number) => `/office/schools/${schoolId}/staff-import/apply`,
} as const;
