import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** G13, S9: forms and questionnaires: build, send, answer, results, CSV. */
export const formRoutes = new Hono<AppEnv>();
