import { join, resolve } from 'node:path';
import { LEVEL3_PASSWORD_POLICY, type PasswordPolicy } from '@tuijin/core';

// Everything a deployment may set, read once from the environment.

export interface SecurityProfile {
  name: 'level3' | 'level2';
  password: PasswordPolicy;
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
  session: { idleMinutes: number; idleMinutesAdmin: number; absoluteHours: number };
}

export const PROFILES: Record<SecurityProfile['name'], SecurityProfile> = {
  level3: {
    name: 'level3',
    password: LEVEL3_PASSWORD_POLICY,
    lockout: { maxFailures: 5, windowMinutes: 15, lockMinutes: 30 },
    session: { idleMinutes: 30, idleMinutesAdmin: 15, absoluteHours: 12 },
  },
  level2: {
    name: 'level2',
    password: { ...LEVEL3_PASSWORD_POLICY, historyCount: 3, maxAgeDaysAdmin: 180, maxAgeDays: 0 },
    lockout: { maxFailures: 6, windowMinutes: 15, lockMinutes: 15 },
    session: { idleMinutes: 60, idleMinutesAdmin: 30, absoluteHours: 12 },
  },
};

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  sqliteFile: string;
  dataKey?: string;
  keyFile: string;
  profile: SecurityProfile;
  /** Set when served over TLS (directly or behind a proxy): Secure cookies with __Host-, HSTS. */
  secureCookies: boolean;
  bodyLimit: number;
  webDist?: string;
  trustProxy: boolean;
  /** Object storage for photos, videos and archives: a local folder by default, S3-compatible when set. */
  storageUrl?: string;
  /** ffmpeg for video poster frames: a path, or found on PATH when unset; 'off' disables it. */
  ffmpeg?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.TUIJIN_DATA ?? './data');
  const profileName = env.TUIJIN_SECURITY_PROFILE === 'level2' ? 'level2' : 'level3';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: join(dataDir, 'tuijin.sqlite'),
    dataKey: env.TUIJIN_DATA_KEY || undefined,
    keyFile: env.TUIJIN_KEY_FILE ?? join(dataDir, 'keys', 'data.key'),
    profile: PROFILES[profileName],
    secureCookies: env.TUIJIN_SECURE_COOKIES === '1' || env.TUIJIN_SECURE_COOKIES === 'true',
    bodyLimit: 1024 * 1024,
    trustProxy: env.TUIJIN_TRUST_PROXY === '1',
    storageUrl: env.STORAGE_URL || undefined,
    // The built web app to serve (default: packages/web/dist); a developer may point at another build.
    webDist: env.TUIJIN_WEB_DIST || undefined,
    ffmpeg: env.TUIJIN_FFMPEG || undefined,
  };
}
