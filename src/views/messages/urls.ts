import { paths } from '../urls.ts';

const withPage = (base: string, page: number) => (page > 1 ? `${base}?page=${page}` : base);

/** URLs of the message book (views and routes use these; nothing concatenates URLs in JSX). */
export const messagePaths = {
  childBook: (pupilId: number, page = 1) => withPage(paths.childMessages(pupilId), page),
  childThread: (pupilId: number, threadId: number) => `/children/${pupilId}/messages/${threadId}`,
  childThreadSent: (pupilId: number, threadId: number, messageId: number) => `/children/${pupilId}/messages/${threadId}?sent=1#message-${messageId}`,
  childReplies: (pupilId: number, threadId: number) => `/children/${pupilId}/messages/${threadId}/replies`,
  inbox: (page = 1) => withPage(paths.messages, page),
  inboxDone: (done: 'dismissed' | 'already') => `${paths.messages}?done=${done}`,
  thread: (threadId: number) => `/messages/${threadId}`,
  threadSent: (threadId: number, messageId: number) => `/messages/${threadId}?sent=1#message-${messageId}`,
  threadAttached: (threadId: number) => `/messages/${threadId}?done=attached`,
  replies: (threadId: number) => `/messages/${threadId}/replies`,
  pupilBook: (pupilId: number, page = 1) => withPage(`/pupils/${pupilId}/messages`, page),
  smsPlacement: (smsId: number) => `/inbound-sms/${smsId}/placement`,
  smsDismissal: (smsId: number) => `/inbound-sms/${smsId}/dismissal`,
} as const;
