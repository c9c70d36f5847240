const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

/** News and weekly plans (G15; src/routes/news.tsx). */
export const newsPaths = {
  list: '/news',
  create: '/news',
  new: '/news/new',
  post: (id: number) => `/news/${id}`,
  published: (id: number, notified: number) => `/news/${id}?published=${notified}`,
  deleted: '/news?deleted=1',
  deletion: (id: number) => `/news/${id}/deletion`,
  attachment: (id: number, attachmentId: number) => `/news/${id}/attachments/${attachmentId}`,
  listPage: (page: number) => withPage('/news', page),
  child: (pupilId: number, page = 1) => withPage(`/children/${pupilId}/news`, page),
  childAttachment: (pupilId: number, postId: number, attachmentId: number) =>
    `/children/${pupilId}/news/${postId}/attachments/${attachmentId}`,
  /** A kindergarten child's news (issue 13), for its guardians. */
  careChild: (childId: number, page = 1) => withPage(`/care/children/${childId}/news`, page),
  careChildAttachment: (childId: number, postId: number, attachmentId: number) =>
    `/care/children/${childId}/news/${postId}/attachments/${attachmentId}`,
} as const;
