import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { testConfig } from './app.ts';

/** The real app on a real HTTP port (any free one), for browser tests. */
export async function startTestServer(db: Db, overrides: Partial<Config> = {}) {
  const config = testConfig(overrides);
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  app = createApp({ db, config: { ...config, baseUrl: url, port } });
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
