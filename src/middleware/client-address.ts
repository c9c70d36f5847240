import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';

/**
 * The address a request comes from, as far as TRUST_PROXY lets us believe X-Forwarded-For. Each proxy appends
 * the address it got the request from, so with n proxies in front the client is the n-th entry from the right;
 * anything left of it was written by the client and may be invented. With fewer entries than proxies, the
 * left-most one. false or 0: the socket's address, the header ignored.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean | number,
): string {
  const socket = socketAddress ?? 'unknown';
  if (trustProxy === false || trustProxy === 0 || !forwardedFor) return socket;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return socket;
  const index = trustProxy === true ? 0 : Math.max(0, entries.length - trustProxy);
  return entries[index]!.slice(0, 100);
}

export function clientAddress(c: Context<AppEnv>): string {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket
  }
  return clientAddressOf(socket, c.req.header('x-forwarded-for'), c.get('deps').config.trustProxy);
}
