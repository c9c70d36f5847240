import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { startDevSmtpServer } from './dev-smtp-server.ts';
import { createSmtpMailer, type Mailer } from './mailer.ts';
import { DevSmsGateway, HttpSmsGateway, type SmsGateway } from './sms-gateway.ts';

export interface DeliveryChannels {
  sms: SmsGateway | null;
  mailer: Mailer | null;
  close(): Promise<void>;
}

type Log = (line: Record<string, unknown>) => void;

/**
 * The gateways from configuration. SMS_GATEWAY_URL → the HTTP adapter, SMTP_URL → nodemailer to that server.
 * Unset outside production → the development gateway (dev_sms) and the built-in SMTP server (dev_mail), so the
 * real SMTP client path runs in the demo too. Unset in production → that channel is skipped as 'not_configured'
 * and a warning is logged once: the app still starts and notifications stay in-app.
 */
export async function createDeliveryChannels(db: Db, config: Config, log: Log): Promise<DeliveryChannels> {
  const production = config.env === 'production';
  let sms: SmsGateway | null = null;
  if (config.sms.gatewayUrl) sms = new HttpSmsGateway(config.sms.gatewayUrl, config.sms.token);
  else if (!production) sms = new DevSmsGateway(db);
  else log({ level: 'warn', msg: 'SMS_GATEWAY_URL is not set: notifications are not sent by SMS' });

  let mailer: Mailer | null = null;
  let devServer: Awaited<ReturnType<typeof startDevSmtpServer>> | null = null;
  if (config.smtp.url) mailer = createSmtpMailer(config.smtp.url, { maxConnections: config.delivery.smtpPoolSize });
  else if (!production) {
    devServer = await startDevSmtpServer(db, log);
    mailer = createSmtpMailer(devServer.url, { ignoreTls: true, maxConnections: config.delivery.smtpPoolSize });
  } else log({ level: 'warn', msg: 'SMTP_URL is not set: notifications are not sent by e-mail' });

  return {
    sms,
    mailer,
    async close() {
      mailer?.close();
      await devServer?.close();
    },
  };
}
