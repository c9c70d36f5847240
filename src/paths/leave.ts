/** Receipts after a change (PRG: `?sent=12`), read by the list to say what happened. */
export type LeaveNotice = 'sent' | 'answered' | 'withdrawn';

/** The guardian's leave applications (G7; src/routes/leave.tsx). Dates in URLs are as typed (dd.mm.yyyy or ISO). */
export const leavePaths = {
  child: (pupilId: number) => `/children/${pupilId}/leave`,
  notice: (pupilId: number, notice: LeaveNotice, applicationId: number) =>
    `/children/${pupilId}/leave?${notice}=${applicationId}`,
  newApplication: (pupilId: number) => `/children/${pupilId}/leave/new`,
  schoolDays: (pupilId: number) => `/children/${pupilId}/leave/new/school-days`,
  applications: (pupilId: number) => `/children/${pupilId}/leave-applications`,
  confirmation: (pupilId: number, applicationId: number) =>
    `/children/${pupilId}/leave-applications/${applicationId}/confirmation`,
  withdrawal: (pupilId: number, applicationId: number) =>
    `/children/${pupilId}/leave-applications/${applicationId}/withdrawal`,
} as const;
