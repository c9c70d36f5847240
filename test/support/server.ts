import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { setUpIdentityProviders } from '../../src/identity-providers.ts';
import { testConfig } from './app.ts';

/**
 * The real app on a real HTTP port (any free one) with the built-in test IdP on another,
 * wired exactly as `npm start` wires them: for browser tests and full login flows.
 */
export async function startTestServer(db: Db, overrides: Partial<Config> = {}, options: { clock?: () => Date } = {}) {
  let app: ReturnType<typeof createApp> | undefined;
  const server = serve({ fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const config = { ...testConfig(overrides), baseUrl: url, port, host: '127.0.0.1', testIdpPort: 0 };
  const identity = await setUpIdentityProviders(config, db);
  const logs: Record<string, unknown>[] = [];
  app = createApp({ db, config, oidc: identity.oidc, log: (line) => logs.push(line), clock: options.clock });
  return {
    url,
    logs,
    idp: identity.testIdp!,
    oidc: identity.oidc,
    async close() {
      await identity.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
