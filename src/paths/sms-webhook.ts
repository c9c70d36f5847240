/** Inbound SMS from the provider (src/routes/sms-webhook.tsx); exempt from the CSRF check. */
export const smsWebhookPaths = {
  webhook: '/webhooks/sms',
} as const;
