const olderThan = (base: string, before?: number) => (before === undefined ? base : `${base}?before=${before}`);

/** Development only: what the development SMS and e-mail gateways received (src/routes/dev-outbox.tsx). */
export const devOutboxPaths = {
  sms: '/dev/sms',
  mail: '/dev/mail',
  /** A page of the list: the newest, or those older than `before`. */
  smsPage: (before?: number) => olderThan('/dev/sms', before),
  mailPage: (before?: number) => olderThan('/dev/mail', before),
} as const;
