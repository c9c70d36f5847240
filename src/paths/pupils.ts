type Unit = { kind: 'class' | 'group'; id: number };

/** Staff views of pupils, classes and teaching groups (src/routes/pupils.tsx). */
export const pupilPaths = {
  pupil: (pupilId: number) => `/pupils/${pupilId}`,
  /** The pupil card after blocking or unblocking a guardian. */
  blockingDone: (pupilId: number, blocked: boolean) => `/pupils/${pupilId}?done=${blocked ? 'blocked' : 'unblocked'}`,
  addressReveal: (pupilId: number) => `/pupils/${pupilId}/address-reveal`,
  guardianBlocking: (pupilId: number, guardianId: number) => `/pupils/${pupilId}/guardians/${guardianId}/blocking`,
  class: (classId: number) => `/classes/${classId}`,
  group: (groupId: number) => `/groups/${groupId}`,
  /** The page of a class or a teaching group. */
  unit: (unit: Unit) => (unit.kind === 'class' ? `/classes/${unit.id}` : `/groups/${unit.id}`),
} as const;
