/**
 * Whether an error means the connection to the database was lost or refused — a restart, a failover,
 * `pg_terminate_backend`, a network cut — rather than a fault in the query. Such an error fails the request or job
 * that met it (the transaction is rolled back by the server) and nothing else: the pool opens a new connection on
 * next use. Looks through `cause` too, since callers may wrap the driver's error.
 */
export function isConnectionLost(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NODE_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')))
      return true;
    if (typeof message === 'string' && MESSAGES.some((m) => message.includes(m))) return true;
  }
  return false;
}

/** Socket errors from Node. */
const NODE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now (class 08, connection exception, above). */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);

/** node-postgres's own errors when the socket ends under it or it is used after that. */
const MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Connection is not queryable',
];
