const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

/** Broadcasts (S7; src/routes/broadcasts.tsx). `/broadcasts` is what the actor reaches: sent (staff) or received (guardian). */
export const broadcastPaths = {
  list: '/broadcasts',
  create: '/broadcasts',
  new: '/broadcasts/new',
  broadcast: (id: number) => `/broadcasts/${id}`,
  sent: (id: number, recipients: number) => `/broadcasts/${id}?sent=${recipients}`,
  listPage: (page: number) => withPage('/broadcasts', page),
  broadcastPage: (id: number, page: number) => withPage(`/broadcasts/${id}`, page),
  /** The school owner's notice to the municipality (issue 18, item 7): a resource of its own. */
  municipalityNew: '/municipality-notices/new',
  municipalityNewFor: (municipalityId: number) => `/municipality-notices/new?municipality=${municipalityId}`,
  municipalityCreate: '/municipality-notices',
} as const;
