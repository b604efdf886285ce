import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync, ValidateBy } from 'class-validator';
import { isIP } from 'node:net';
import * as path from 'node:path';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
};

/** proxy-addr's names for address ranges a proxy may be in (Fastify's trustProxy takes them, as Express's did). */
const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/** Each entry is a keyword, an address, or a CIDR range (10.0.0.0/8, fd00::/8). */
function isProxyEntry(entry: string): boolean {
  if (PROXY_KEYWORDS.includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);

const IsProxyList = () =>
  ValidateBy({
    name: 'isProxyList',
    validator: {
      validate: (value) => typeof value === 'string' && splitList(value).length > 0 && splitList(value).every(isProxyEntry),
      defaultMessage: () => `TRUST_PROXY must be a comma list of addresses, CIDR ranges (e.g. 10.0.0.0/8) or ${PROXY_KEYWORDS.join(', ')}`,
    },
  });

/** The environment as the process receives it; every variable is documented in config/example.env. */
class Environment {
  @IsIn(['development', 'production', 'test'])
  @IsOptional()
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  @IsOptional()
  PORT = 3000;

  @IsString()
  @IsOptional()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  @IsOptional()
  WORKER_HEALTH_PORT = 3001;

  @IsString()
  @IsOptional()
  DATA_DIR = 'data';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL, or unset for the embedded SQLite file' })
  @IsOptional()
  DATABASE_URL?: string;

  /** Off behind a pooler that cannot keep a connection's prepared statements (see README, Configuration). */
  @Transform(toBool)
  @IsBoolean()
  @IsOptional()
  PG_NAMED_STATEMENTS?: boolean;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  @IsOptional()
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http(s):// address' })
  @IsOptional()
  PUBLIC_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  @IsOptional()
  SESSION_IDLE_MINUTES = 30;

  @Transform(toBool)
  @IsBoolean()
  @IsOptional()
  COOKIE_SECURE?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  @IsOptional()
  EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  @IsOptional()
  REPORT_MAX_BYTES = 20 * 1024 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  @IsOptional()
  SIGN_IN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  @IsOptional()
  AUDIT_NOISE_RETENTION_DAYS = 90;

  @IsProxyList()
  @IsOptional()
  TRUST_PROXY = 'loopback';

  @Transform(toBool)
  @IsBoolean()
  @IsOptional()
  HEALTH_DETAILS?: boolean;

  @Transform(toBool)
  @IsBoolean()
  @IsOptional()
  API_DOCS?: boolean;

  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  @IsOptional()
  SMTP_URL?: string;

  @IsString()
  @IsOptional()
  MAIL_FROM = 'Improvement Tracker <no-reply@improvement-tracker.local>';

  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1 to 40 letters, digits, - or _' })
  @IsOptional()
  QUEUE_PREFIX = 'it';
}

const ENV_VARS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'WORKER_HEALTH_PORT',
  'DATA_DIR',
  'DATABASE_URL',
  'PG_NAMED_STATEMENTS',
  'REDIS_URL',
  'PUBLIC_URL',
  'SESSION_IDLE_MINUTES',
  'COOKIE_SECURE',
  'EVIDENCE_MAX_BYTES',
  'REPORT_MAX_BYTES',
  'SIGN_IN_MAX_FAILURES',
  'AUDIT_NOISE_RETENTION_DAYS',
  'TRUST_PROXY',
  'HEALTH_DETAILS',
  'API_DOCS',
  'SMTP_URL',
  'MAIL_FROM',
  'QUEUE_PREFIX',
] as const;

/** `namedStatements: false`: every statement sent unnamed (libs/database/src/named-statements.ts); unset, the code's are named. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; namedStatements?: boolean };

/** The one typed configuration object; built once at start-up. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  workerHealthPort: number;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl: string;
  /** Redis key prefix of every queue: deployments sharing one Redis each need their own. */
  queuePrefix: string;
  publicUrl: string;
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  evidenceMaxBytes: number;
  reportMaxBytes: number;
  signInMaxFailures: number;
  /** Days sign-in attempts and refused requests stay in the audit trail (0: for ever); never changes. */
  auditNoiseRetentionDays: number;
  /** The proxies whose X-Forwarded-For is believed: the client's address is what sign-in limits count. */
  trustProxy: string[];
  /** Whether /health shows the database, Redis and reminder counts, or only up or down. */
  healthDetails: boolean;
  /** Whether the OpenAPI documentation is served at /api/docs. */
  apiDocs: boolean;
  smtpUrl: string | null;
  mailFrom: string;
}

export class ConfigError extends Error {}

/** Validates the environment; a bad value throws a ConfigError naming the variable and what to set. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(ENV_VARS.filter((k) => source[k] !== undefined && source[k] !== '').map((k) => [k, source[k]]));
  const env = plainToInstance(Environment, raw);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(raw[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration (see config/example.env):\n${lines.join('\n')}`);
  }
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    workerHealthPort: env.WORKER_HEALTH_PORT,
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, namedStatements: env.PG_NAMED_STATEMENTS }
      : { kind: 'sqlite', file: path.join(dataDir, 'improvement-tracker.sqlite') },
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    evidenceMaxBytes: env.EVIDENCE_MAX_BYTES,
    reportMaxBytes: env.REPORT_MAX_BYTES,
    signInMaxFailures: env.SIGN_IN_MAX_FAILURES,
    auditNoiseRetentionDays: env.AUDIT_NOISE_RETENTION_DAYS,
    trustProxy: splitList(env.TRUST_PROXY),
    healthDetails: env.HEALTH_DETAILS ?? env.NODE_ENV !== 'production',
    apiDocs: env.API_DOCS ?? env.NODE_ENV !== 'production',
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
  };
}
