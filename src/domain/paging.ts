/** One page of a list, numbered from 1; `hasNext` when there is at least one more row. */
export interface Paged<T> {
  items: T[];
  page: number;
  hasNext: boolean;
}

/** A page number from the query string: 1 when absent or nonsense; bounded so offsets stay sane. */
export function pageNumber(value: string | undefined): number {
  const n = /^\d{1,4}$/.test(value ?? '') ? Number(value) : 1;
  return Math.min(Math.max(n, 1), 1000);
}

/** Limit and offset for a page, fetching one row more to know whether a next page exists. */
export const pageWindow = (page: number, perPage: number) => ({ limit: perPage + 1, offset: (page - 1) * perPage });

export function toPaged<T>(rows: T[], page: number, perPage: number): Paged<T> {
  return { items: rows.slice(0, perPage), page, hasNext: rows.length > perPage };
}
