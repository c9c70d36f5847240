import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** S4: staff register attendance for a class or group, for a lesson or a day. */
export const attendanceRoutes = new Hono<AppEnv>();
