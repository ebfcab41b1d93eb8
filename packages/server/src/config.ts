// Server configuration from the environment (README lists every variable).
import path from 'node:path';

export type ServerConfig = {
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** 64 hex chars (32 bytes); otherwise a key file `secret.key` in dataDir is made on first run. */
  secretKey: string | undefined;
  secretKeyFile: string;
  secureCookies: boolean;
  webDistDir: string | undefined;
  maxUploadBytes: number;
  logLevel: string;
  /** How long a read may reuse its session's lookup (ADR 0007); 0 turns the cache off. Default 5. */
  sessionCacheSeconds?: number;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = path.resolve(env.ZHIBU_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    secretKey: env.ZHIBU_SECRET_KEY || undefined,
    secretKeyFile: path.resolve(env.ZHIBU_SECRET_KEY_FILE ?? path.join(dataDir, 'secret.key')),
    secureCookies: env.ZHIBU_SECURE_COOKIES === 'true',
    webDistDir: env.ZHIBU_WEB_DIST,
    maxUploadBytes: Number(env.ZHIBU_MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? 'warn',
    sessionCacheSeconds: Number(env.ZHIBU_SESSION_CACHE_SECONDS ?? 5),
  };
}
