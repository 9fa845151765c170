import type { RegionLevel, Role } from '@tuijin/core';
import type { Config } from '../config';
import type { Database } from '../db/kysely';
import type { Actor } from './audit';
import type { Clock } from './clock';
import type { CryptoBox } from './crypto-box';
import type { ScryptCost } from './passwords';
import type { ReadCache } from './read-cache';
import type { Storage } from './storage/storage';

/** What every use case may need from the outside world, built once per app. */
export interface AppContext extends Database {
  clock: Clock;
  config: Config;
  box: CryptoBox;
  isCommonPassword: (lowercased: string) => boolean;
  scryptCost: ScryptCost;
  cache: ReadCache;
  storage: Storage;
}

/** The logged-in user as every policy and query sees them. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  orgId: number | null;
  orgName: string | null;
  personId: number | null;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  ip: string | null;
}

export function actorOf(user: SessionUser | null, ip: string | null = user?.ip ?? null): Actor {
  return { userId: user?.id ?? null, username: user?.username ?? null, role: user?.role ?? null, ip };
}
