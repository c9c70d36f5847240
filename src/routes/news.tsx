import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** G15: news and weekly plans per school, class or SFO, with PDF attachments. */
export const newsRoutes = new Hono<AppEnv>();
