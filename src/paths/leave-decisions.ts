/** Leadership's leave decisions (S8; src/routes/leave-decisions.tsx): the queue, an application, its decision and its vedtak letters. */
export const leaveDecisionPaths = {
  queue: (page = 1) => (page > 1 ? `/leave-applications?page=${page}` : '/leave-applications'),
  application: (id: number) => `/leave-applications/${id}`,
  decided: (id: number) => `/leave-applications/${id}?decided=1`,
  decision: (id: number) => `/leave-applications/${id}/decision`,
  vedtak: (id: number, documentId: number) => `/leave-applications/${id}/vedtak/${documentId}`,
} as const;
