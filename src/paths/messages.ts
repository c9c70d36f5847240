const withPage = (base: string, page: number) => (page > 1 ? `${base}?page=${page}` : base);

/** The message book (src/routes/messages.tsx). */
export const messagePaths = {
  childBook: (pupilId: number, page = 1) => withPage(`/children/${pupilId}/messages`, page),
  childThread: (pupilId: number, threadId: number) => `/children/${pupilId}/messages/${threadId}`,
  childThreadSent: (pupilId: number, threadId: number, messageId: number) =>
    `/children/${pupilId}/messages/${threadId}?sent=1#message-${messageId}`,
  childReplies: (pupilId: number, threadId: number) => `/children/${pupilId}/messages/${threadId}/replies`,
  /** A kindergarten child's book (issue 13), beside the child's daily care: threads with the department. */
  kindergartenBook: (childId: number, page = 1) => withPage(`/care/children/${childId}/messages`, page),
  kindergartenThread: (childId: number, threadId: number) => `/care/children/${childId}/messages/${threadId}`,
  kindergartenThreadSent: (childId: number, threadId: number, messageId: number) =>
    `/care/children/${childId}/messages/${threadId}?sent=1#message-${messageId}`,
  kindergartenReplies: (childId: number, threadId: number) => `/care/children/${childId}/messages/${threadId}/replies`,
  inbox: (page = 1) => withPage('/messages', page),
  thread: (threadId: number) => `/messages/${threadId}`,
  threadSent: (threadId: number, messageId: number) => `/messages/${threadId}?sent=1#message-${messageId}`,
  threadAttached: (threadId: number) => `/messages/${threadId}?done=attached`,
  replies: (threadId: number) => `/messages/${threadId}/replies`,
  pupilBook: (pupilId: number, page = 1) => withPage(`/pupils/${pupilId}/messages`, page),
  smsPlacement: (smsId: number) => `/inbound-sms/${smsId}/placement`,
  smsDismissal: (smsId: number) => `/inbound-sms/${smsId}/dismissal`,
  /** The office queue's page (`returnTo`: the inbox or a pupil's book) after handling an inbound SMS. */
  queueDone: (returnTo: string, done: 'dismissed' | 'already') => `${returnTo}?done=${done}`,
} as const;
