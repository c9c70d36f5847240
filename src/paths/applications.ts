import type { ApplicationKind } from '../db/schema.ts';

const application = (id: number) => `/applications/${id}`;

/** S8: the decision queue of every application kind, one application, its decision and its vedtak letters. */
export const applicationPaths = {
  /** `/applications`, `/applications?kind=leave&page=2`. */
  queue: ({ kind = null, page = 1 }: { kind?: ApplicationKind | null; page?: number } = {}) => {
    const query = new URLSearchParams([
      ...(kind ? [['kind', kind]] : []),
      ...(page > 1 ? [['page', String(page)]] : []),
    ]).toString();
    return query ? `/applications?${query}` : '/applications';
  },
  application,
  decided: (id: number) => `${application(id)}?decided=1`,
  decision: (id: number) => `${application(id)}/decision`,
  vedtak: (id: number, documentId: number) => `${application(id)}/vedtak/${documentId}`,
} as const;
