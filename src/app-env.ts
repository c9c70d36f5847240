import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Actor } from './domain/access/actor.ts';
import type { AssetUrls } from './paths/assets.ts';
import type { OidcClients } from './domain/identity/oidc.ts';
import type { ValidSession } from './domain/identity/sessions.ts';
import type { Locale, Messages } from './i18n/index.ts';

/** What createApp needs from the outside world. Tests build their own. */
export interface AppDeps {
  db: Db;
  config: Config;
  oidc: OidcClients;
  log?: (line: Record<string, unknown>) => void;
  /** The clock (tests pass a fixed one); default the real time. */
  clock?: () => Date;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    /** The fingerprinted CSS and htmx URLs of this build (src/middleware/assets.ts). */
    assets: AssetUrls;
    locale: Locale;
    t: Messages;
    session: ValidSession | null;
    actor: Actor | null;
  };
};

/** Now, by the app's clock. */
export const nowFrom = (deps: AppDeps): Date => (deps.clock ? deps.clock() : new Date());
