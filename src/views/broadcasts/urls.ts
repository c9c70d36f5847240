import { paths } from '../urls.ts';

const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

/** URL builders for broadcasts (S7). `/broadcasts` is what the actor reaches: sent (staff) or received (guardian). */
export const broadcastPaths = {
  list: paths.broadcasts,
  create: paths.broadcasts,
  new: `${paths.broadcasts}/new`,
  broadcast: (id: number) => `${paths.broadcasts}/${id}`,
  sent: (id: number, recipients: number) => `${paths.broadcasts}/${id}?sent=${recipients}`,
  listPage: (page: number) => withPage(paths.broadcasts, page),
  broadcastPage: (id: number, page: number) => withPage(`${paths.broadcasts}/${id}`, page),
};
