import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Locale, Messages } from './i18n/index.ts';

/** What createApp needs from the outside world. Tests build their own. */
export interface AppDeps {
  db: Db;
  config: Config;
  log?: (line: Record<string, unknown>) => void;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    locale: Locale;
    t: Messages;
    cspNonce: string;
  };
};
