import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** Development only: the SMS and e-mail the development gateways received (/dev/sms, /dev/mail). */
export const devOutboxRoutes = new Hono<AppEnv>();
