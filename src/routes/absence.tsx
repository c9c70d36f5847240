import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** G6 (guardians report absence, see the school year) and P1 (the pupil's own absence). */
export const absenceRoutes = new Hono<AppEnv>();
