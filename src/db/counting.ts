import type { Db } from './database.ts';

/** A database handle whose statements are counted: the route tests' statement budgets and the bench's per request. */
export interface StatementCounter {
  /** Hand this to the app or the function under test: every statement sent through it is counted. */
  readonly db: Db;
  /** Statements sent since the counter was made or last reset. */
  readonly count: number;
  reset(): void;
}

/** Counts every statement sent through the returned handle (a Kysely plugin; the queries themselves are unchanged). */
export function countStatements(db: Db): StatementCounter {
  let count = 0;
  // counted as results come back: transformQuery also sees each query builder embedded in another statement
  // (db/together.ts), which is no statement of its own
  const counted = db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count++;
      return args.result;
    },
  });
  return {
    db: counted,
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
