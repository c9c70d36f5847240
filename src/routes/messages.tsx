import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** S7, G12: the per-pupil message book (threads between the child's guardians and the school). */
export const messageRoutes = new Hono<AppEnv>();
