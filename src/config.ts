import * as v from 'valibot';

/** Environment variables Skolebro reads. Validated once at start; a bad value stops the process. */
const EnvSchema = v.object({
  NODE_ENV: v.optional(v.picklist(['development', 'production', 'test']), 'development'),
  PORT: v.optional(v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'must be a port number'), v.transform(Number), v.maxValue(65535)), '3000'),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '0.0.0.0'),
  BASE_URL: v.optional(v.pipe(v.string(), v.url('must be an absolute URL such as https://skolebro.kommune.no'))),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'))),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  DATABASE_POOL_SIZE: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(200)), '10'),
  SEED_DEMO: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'true'),
  LOG_REQUESTS: v.optional(v.picklist(['true', 'false'], 'must be true or false'), 'true'),
});

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
  return {
    env: out.NODE_ENV,
    port: out.PORT,
    host: out.HOST,
    baseUrl: (out.BASE_URL ?? `http://localhost:${out.PORT}`).replace(/\/$/, ''),
    databaseUrl: out.DATABASE_URL,
    dataDir: out.DATA_DIR,
    poolSize: out.DATABASE_POOL_SIZE,
    seedDemo: out.SEED_DEMO === 'true',
    logRequests: out.LOG_REQUESTS === 'true',
  };
}
