import { paths } from '../urls.ts';

const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

/** URL builders for news and weekly plans (G15). */
export const newsPaths = {
  list: paths.news,
  create: paths.news,
  new: `${paths.news}/new`,
  post: (id: number) => `${paths.news}/${id}`,
  published: (id: number, notified: number) => `${paths.news}/${id}?published=${notified}`,
  deleted: `${paths.news}?deleted=1`,
  deletion: (id: number) => `${paths.news}/${id}/deletion`,
  attachment: (id: number, attachmentId: number) => `${paths.news}/${id}/attachments/${attachmentId}`,
  listPage: (page: number) => withPage(paths.news, page),
  child: (pupilId: number, page = 1) => withPage(paths.childNews(pupilId), page),
  childAttachment: (pupilId: number, postId: number, attachmentId: number) => `${paths.childNews(pupilId)}/${postId}/attachments/${attachmentId}`,
};
