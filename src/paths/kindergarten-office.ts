/** The kindergarten's office (src/routes/kindergarten-office.tsx): departments, places and staff. */
export type KindergartenNotice = 'admitted' | 'moved' | 'ended' | 'department' | 'staff_added' | 'staff_ended';

export const kindergartenOfficePaths = {
  list: '/kindergartens',
  office: (id: number, notice?: KindergartenNotice) =>
    `/kindergartens/${id}/office${notice ? `?notice=${notice}` : ''}`,
  admit: (id: number) => `/kindergartens/${id}/office/children`,
  move: (id: number, enrolmentId: number) => `/kindergartens/${id}/office/places/${enrolmentId}/move`,
  end: (id: number, enrolmentId: number) => `/kindergartens/${id}/office/places/${enrolmentId}/end`,
  departments: (id: number) => `/kindergartens/${id}/office/departments`,
  staff: (id: number) => `/kindergartens/${id}/office/staff`,
  staffEnd: (id: number, membershipId: number) => `/kindergartens/${id}/office/staff/${membershipId}/end`,
} as const;
