import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** D5: the SMS gateway's webhook for replies and delivery reports (HMAC-authenticated). */
export const smsWebhookRoutes = new Hono<AppEnv>();
