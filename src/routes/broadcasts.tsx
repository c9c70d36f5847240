import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** S7: broadcasts to a class, trinn, school, composite group or SFO, with read status. */
export const broadcastRoutes = new Hono<AppEnv>();
