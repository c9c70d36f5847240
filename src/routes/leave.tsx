import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** G7: leave applications by guardians, and the other guardian's confirmation. */
export const leaveRoutes = new Hono<AppEnv>();
