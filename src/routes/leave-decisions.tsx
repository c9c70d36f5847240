import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** S8: the leadership's queue of leave applications and the decision (vedtak). */
export const leaveDecisionRoutes = new Hono<AppEnv>();
