const withWeek = (path: string, week?: string) => path + (week ? `?week=${week}` : '');

/** Week timetables and the guardian's iCal feed (G5; src/routes/timetable.tsx). */
export const timetablePaths = {
  own: (week?: string) => withWeek('/timetable', week),
  child: (pupilId: number, week?: string) => withWeek(`/children/${pupilId}/timetable`, week),
  childRevoked: (pupilId: number) => `/children/${pupilId}/timetable?revoked=1`,
  feed: (pupilId: number) => `/children/${pupilId}/timetable/feed`,
  revoke: (pupilId: number) => `/children/${pupilId}/timetable/feed/revoke`,
  /** The secret feed address (the token is the only key); put config.baseUrl in front. */
  feedFile: (token: string) => `/calendar/${token}.ics`,
} as const;
