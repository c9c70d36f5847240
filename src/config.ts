import * as v from 'valibot';

const HttpUrl = v.pipe(v.string(), v.url('must be an absolute URL'), v.regex(/^https?:\/\//, 'must be an http(s) URL'));
const PortNumber = v.pipe(
  v.string(),
  v.regex(/^\d{1,5}$/, 'must be a port number'),
  v.transform(Number),
  v.maxValue(65535),
);

/** Environment variables Skolebro reads. Validated once at start; a bad value stops the process. */
const wholeNumber = (min: number, max: number) =>
  v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'), v.transform(Number), v.minValue(min), v.maxValue(max));

const EnvSchema = v.object({
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test']), 'development'),
  PORT: v.optional(PortNumber, '3000'),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '0.0.0.0'),
  BASE_URL: v.optional(v.pipe(v.string(), v.url('must be an absolute URL such as https://skolebro.kommune.no'))),
  DATABASE_URL: v.optional(
    v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')),
  ),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  DATABASE_POOL_SIZE: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(200)),
    '10',
  ),
  SEED_DEMO: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'true'),
  LOG_REQUESTS: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'true'),
  TRUST_PROXY: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^(true|false|\d|10)$/, 'must be true, false or the number of proxies in front (0–10)'),
      v.transform((value) => (value === 'true' ? true : value === 'false' ? false : Number(value))),
    ),
    'false',
  ),
  IDPORTEN_ISSUER: v.optional(HttpUrl),
  IDPORTEN_CLIENT_ID: v.optional(v.string()),
  IDPORTEN_CLIENT_SECRET: v.optional(v.string()),
  IDPORTEN_SCOPES: v.optional(v.string(), 'openid profile'),
  IDPORTEN_ACR_VALUES: v.optional(
    v.picklist(
      ['idporten-loa-substantial', 'idporten-loa-high'],
      'must be idporten-loa-substantial or idporten-loa-high',
    ),
    'idporten-loa-substantial',
  ),
  IDPORTEN_LOGOUT_FRAME_ORIGIN: v.optional(HttpUrl),
  FEIDE_ISSUER: v.optional(HttpUrl),
  FEIDE_CLIENT_ID: v.optional(v.string()),
  FEIDE_CLIENT_SECRET: v.optional(v.string()),
  FEIDE_SCOPES: v.optional(v.string(), 'openid userid-feide profile email'),
  TEST_IDP_PORT: v.optional(PortNumber),
  SESSION_IDLE_MINUTES: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number of minutes'),
      v.transform(Number),
      v.minValue(5),
      v.maxValue(1440),
    ),
    '120',
  ),
  SESSION_MAX_HOURS: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number of hours'),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(720),
    ),
    '12',
  ),
  SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://'))),
  MAIL_FROM: v.optional(v.pipe(v.string(), v.minLength(3)), 'Skolebro <no-reply@skolebro.invalid>'),
  SMS_GATEWAY_URL: v.optional(HttpUrl),
  SMS_GATEWAY_TOKEN: v.optional(v.string()),
  SMS_SENDER: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9 ]{1,11}$/, 'must be 1–11 letters, digits or spaces (an SMS sender id)')),
    'Skolebro',
  ),
  SMS_WEBHOOK_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  OUTBOX_WORKER: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'true'),
  OUTBOX_LOOPS: v.optional(wholeNumber(1, 16), '2'),
  OUTBOX_BATCH_SIZE: v.optional(wholeNumber(1, 1000), '200'),
  OUTBOX_SEND_CONCURRENCY: v.optional(wholeNumber(1, 500), '50'),
  SMTP_POOL_SIZE: v.optional(wholeNumber(1, 50), '5'),
  KRR_URL: v.optional(HttpUrl),
  MASKINPORTEN_URL: v.optional(HttpUrl, 'https://maskinporten.no/'),
  MASKINPORTEN_CLIENT_ID: v.optional(v.string()),
  MASKINPORTEN_KEY_ID: v.optional(v.string()),
  MASKINPORTEN_PRIVATE_KEY_FILE: v.optional(v.string()),
  EFORMIDLING_URL: v.optional(HttpUrl),
  EFORMIDLING_ORG_NUMBER: v.optional(v.pipe(v.string(), v.regex(/^\d{9}$/, 'must be a 9-digit organisation number'))),
  LETTER_DISPATCHER: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'true'),
  SHUTDOWN_TIMEOUT_SECONDS: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number of seconds'),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(600),
    ),
    '10',
  ),
});

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
}

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  seedDemo: boolean;
  logRequests: boolean;
  /**
   * Whose address a request comes from (the login rate limits): false or 0 → the socket's, X-Forwarded-For ignored;
   * n → the n-th address from the right of X-Forwarded-For (n proxies in front, each appending); true → the
   * left-most (only when the proxy in front sets the header itself).
   */
  trustProxy: boolean | number;
  /** Real identity providers; both undefined → the built-in test IdP (never in production). */
  idporten: (OidcSettings & { logoutFrameOrigin: string }) | undefined;
  /** The minimum ID-porten level (acr_values), also for the built-in test IdP. */
  idportenAcrValues: 'idporten-loa-substantial' | 'idporten-loa-high';
  feide: OidcSettings | undefined;
  testIdpPort: number;
  session: { idleMs: number; maxMs: number };
  /** E-mail (D6): SMTP_URL unset outside production → the built-in development mail server (/dev/mail). */
  smtp: { url: string | undefined; from: string };
  /** SMS (D5): gatewayUrl unset outside production → the development gateway (/dev/sms). */
  sms: { gatewayUrl: string | undefined; token: string | undefined; sender: string; webhookSecret: string | undefined };
  /** Run the notification delivery worker in this process. */
  outboxWorker: boolean;
  /**
   * The worker's throughput knobs (issue 18, item 7): loops running at once in each worker process, deliveries
   * claimed per batch, sends in flight per batch, and SMTP connections in the mailer's pool.
   */
  delivery: { loops: number; batchSize: number; concurrency: number; smtpPoolSize: number };
  /** Letters (D3, D4): KRR_URL unset → the development KRR outside production; in production every letter goes on paper. */
  letters: {
    krrUrl: string | undefined;
    maskinporten: { url: string; clientId: string; keyId: string | undefined; privateKeyFile: string } | undefined;
    /** EFORMIDLING_URL: digital post through the school owner's integrasjonspunkt (eformidling.ts), in any environment. */
    eformidling: { url: string; senderOrgNumber: string | undefined } | undefined;
    dispatcher: boolean;
  };
  /** On SIGTERM/SIGINT, how long in-flight requests and worker batches may take before the process exits. */
  shutdownTimeoutMs: number;
};

export class ConfigError extends Error {}

/** Parses `env` (default process.env). Throws ConfigError naming the variable when a value is bad. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = v.safeParse(EnvSchema, input);
  if (!result.success) {
    const messages = result.issues.map((issue) => {
      const name = issue.path?.map((p) => String(p.key)).join('.') ?? '?';
      return `${name}: ${issue.message} (got ${JSON.stringify(issue.input)})`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${messages.join('\n  ')}`);
  }
  const out = result.output;
  const config: Config = {
    env: out.NODE_ENV,
    port: out.PORT,
    host: out.HOST,
    baseUrl: (out.BASE_URL ?? `http://localhost:${out.PORT}`).replace(/\/$/, ''),
    databaseUrl: out.DATABASE_URL,
    dataDir: out.DATA_DIR,
    poolSize: out.DATABASE_POOL_SIZE,
    seedDemo: out.SEED_DEMO === 'true',
    logRequests: out.LOG_REQUESTS === 'true',
    trustProxy: out.TRUST_PROXY,
    idporten: out.IDPORTEN_ISSUER
      ? {
          ...oidcSettings(
            'IDPORTEN',
            out.IDPORTEN_ISSUER,
            out.IDPORTEN_CLIENT_ID,
            out.IDPORTEN_CLIENT_SECRET,
            out.IDPORTEN_SCOPES,
          ),
          logoutFrameOrigin: out.IDPORTEN_LOGOUT_FRAME_ORIGIN ?? idportenLoginOrigin(out.IDPORTEN_ISSUER),
        }
      : undefined,
    idportenAcrValues: out.IDPORTEN_ACR_VALUES,
    feide: out.FEIDE_ISSUER
      ? oidcSettings('FEIDE', out.FEIDE_ISSUER, out.FEIDE_CLIENT_ID, out.FEIDE_CLIENT_SECRET, out.FEIDE_SCOPES)
      : undefined,
    testIdpPort: out.TEST_IDP_PORT ?? (out.PORT === 0 ? 0 : out.PORT + 1),
    session: { idleMs: out.SESSION_IDLE_MINUTES * 60_000, maxMs: out.SESSION_MAX_HOURS * 3600_000 },
    smtp: { url: out.SMTP_URL, from: out.MAIL_FROM },
    sms: {
      gatewayUrl: out.SMS_GATEWAY_URL,
      token: out.SMS_GATEWAY_TOKEN,
      sender: out.SMS_SENDER,
      webhookSecret: out.SMS_WEBHOOK_SECRET,
    },
    outboxWorker: out.OUTBOX_WORKER === 'true',
    delivery: {
      loops: out.OUTBOX_LOOPS,
      batchSize: out.OUTBOX_BATCH_SIZE,
      concurrency: out.OUTBOX_SEND_CONCURRENCY,
      smtpPoolSize: out.SMTP_POOL_SIZE,
    },
    letters: {
      krrUrl: out.KRR_URL,
      maskinporten:
        out.MASKINPORTEN_CLIENT_ID && out.MASKINPORTEN_PRIVATE_KEY_FILE
          ? {
              url: out.MASKINPORTEN_URL,
              clientId: out.MASKINPORTEN_CLIENT_ID,
              keyId: out.MASKINPORTEN_KEY_ID,
              privateKeyFile: out.MASKINPORTEN_PRIVATE_KEY_FILE,
            }
          : undefined,
      eformidling: out.EFORMIDLING_URL
        ? { url: out.EFORMIDLING_URL, senderOrgNumber: out.EFORMIDLING_ORG_NUMBER }
        : undefined,
      dispatcher: out.LETTER_DISPATCHER === 'true',
    },
    shutdownTimeoutMs: out.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
  if (config.env === 'production' && (!config.idporten || !config.feide)) {
    throw new ConfigError(
      'Invalid configuration:\n  IDPORTEN_ISSUER and FEIDE_ISSUER (with their client ids and secrets) must be set in production; the built-in test login never runs there.',
    );
  }
  if (config.letters.krrUrl && !config.letters.maskinporten) {
    throw new ConfigError(
      'Invalid configuration:\n  KRR_URL needs MASKINPORTEN_CLIENT_ID and MASKINPORTEN_PRIVATE_KEY_FILE (KRR is protected by Maskinporten).',
    );
  }
  if (Boolean(config.idporten) !== Boolean(config.feide)) {
    throw new ConfigError(
      'Invalid configuration:\n  set both IDPORTEN_ISSUER and FEIDE_ISSUER, or neither (then the built-in test login is used).',
    );
  }
  return config;
}

function oidcSettings(
  prefix: string,
  issuer: string,
  clientId: string | undefined,
  clientSecret: string | undefined,
  scopes: string,
): OidcSettings {
  if (!clientId || !clientSecret) {
    throw new ConfigError(
      `Invalid configuration:\n  ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET must be set when ${prefix}_ISSUER is set.`,
    );
  }
  return { issuer, clientId, clientSecret, scopes };
}

/** ID-porten's login pages (which frame our front-channel logout) live on login.<issuer host>. */
function idportenLoginOrigin(issuer: string): string {
  const url = new URL(issuer);
  return `${url.protocol}//login.${url.host}`;
}
