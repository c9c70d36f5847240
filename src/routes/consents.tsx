import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

export const consentRoutes = new Hono<AppEnv>();
