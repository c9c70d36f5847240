import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** The vitnemål absence view for leadership (8.–10. trinn). */
export const vitnemalRoutes = new Hono<AppEnv>();
