import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** D3, D4: decision letters by digital post or the school office's daily paper print batch. */
export const letterRoutes = new Hono<AppEnv>();
