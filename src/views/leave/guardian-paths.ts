import { paths } from '../urls.ts';

/** Receipts after a change (PRG: `?sent=12`), read by the list to say what happened. */
export const LEAVE_NOTICES = ['sent', 'answered', 'withdrawn'] as const;
export type LeaveNotice = (typeof LEAVE_NOTICES)[number];

/** The guardian's leave URLs (G7). Dates in URLs are as typed (dd.mm.yyyy or ISO). */
export const leavePaths = {
  child: paths.childLeave,
  notice: (pupilId: number, notice: LeaveNotice, applicationId: number) => `${paths.childLeave(pupilId)}?${notice}=${applicationId}`,
  newApplication: (pupilId: number) => `/children/${pupilId}/leave/new`,
  schoolDays: (pupilId: number) => `/children/${pupilId}/leave/new/school-days`,
  applications: (pupilId: number) => `/children/${pupilId}/leave-applications`,
  confirmation: (pupilId: number, applicationId: number) => `/children/${pupilId}/leave-applications/${applicationId}/confirmation`,
  withdrawal: (pupilId: number, applicationId: number) => `/children/${pupilId}/leave-applications/${applicationId}/withdrawal`,
};
