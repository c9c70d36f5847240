/** The school office's teaching groups (src/routes/office-groups.tsx): groups per school year and their members. */
export const officeGroupPaths = {
  groups: (schoolId: number, schoolYearId?: number) =>
    `/office/schools/${schoolId}/teaching-groups${schoolYearId ? `?year=${schoolYearId}` : ''}`,
  groupList: (schoolId: number) => `/office/schools/${schoolId}/teaching-groups`,
  groupCreated: (schoolId: number, schoolYearId: number) =>
    `/office/schools/${schoolId}/teaching-groups?year=${schoolYearId}&created=1`,
  group: (groupId: number, notice?: 'updated' | 'closed' | 'added' | 'class_added' | 'removed') =>
    `/office/teaching-groups/${groupId}${notice ? `?notice=${notice}` : ''}`,
  groupPage: (groupId: number, page: number) => `/office/teaching-groups/${groupId}?page=${page}`,
  details: (groupId: number) => `/office/teaching-groups/${groupId}/details`,
  closure: (groupId: number) => `/office/teaching-groups/${groupId}/closure`,
  members: (groupId: number) => `/office/teaching-groups/${groupId}/members`,
  classMembers: (groupId: number) => `/office/teaching-groups/${groupId}/class-members`,
  memberRemoval: (groupId: number) => `/office/teaching-groups/${groupId}/member-removal`,
} as const;
