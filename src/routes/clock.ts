import type { Context } from 'hono';
import { nowFrom, type AppEnv } from '../app-env.ts';
import { todayInOslo } from '../domain/access/actor.ts';

/** Now by the app's clock (tests fix it), and today's date in Norway. */
export const nowOf = (c: Context<AppEnv>): Date => nowFrom(c.get('deps'));
export const todayOf = (c: Context<AppEnv>): string => todayInOslo(nowOf(c));
