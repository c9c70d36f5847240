/** The school office's timetable (src/routes/office-timetable.tsx): lessons per class or group, copying, CSV import. */
export type TimetableNotice = 'added' | 'changed' | 'deleted' | 'copied' | 'imported';
type Unit = { kind: 'class' | 'group'; id: number };

const unitBase = (unit: Unit) =>
  `/office/${unit.kind === 'class' ? 'classes' : 'teaching-groups'}/${unit.id}/timetable`;

export const officeTimetablePaths = {
  /** The school's classes and groups of a year, each with its timetable. */
  school: (schoolId: number, schoolYearId?: number, notice?: 'imported') => {
    const query = [schoolYearId ? `year=${schoolYearId}` : '', notice ? `notice=${notice}` : ''].filter(Boolean);
    return `/office/schools/${schoolId}/timetable${query.length ? `?${query.join('&')}` : ''}`;
  },
  unit: (unit: Unit, notice?: TimetableNotice) => `${unitBase(unit)}${notice ? `?notice=${notice}` : ''}`,
  /** POST: add a lesson. */
  lessons: (unit: Unit) => `${unitBase(unit)}/lessons`,
  /** POST: copy the week pattern to another class or group. */
  copy: (unit: Unit) => `${unitBase(unit)}/copy`,
  /** POST: change a lesson. */
  lesson: (lessonId: number) => `/office/lessons/${lessonId}`,
  /** POST: delete a lesson. */
  lessonDeletion: (lessonId: number) => `/office/lessons/${lessonId}/deletion`,
  importForm: (schoolId: number) => `/office/schools/${schoolId}/timetable-import`,
  importPreview: (schoolId: number) => `/office/schools/${schoolId}/timetable-import/preview`,
  importApply: (schoolId: number) => `/office/schools/${schoolId}/timetable-import/apply`,
} as const;
