import { ADMIN_ROLES, regionPrefix, type Role } from '@tuijin/core';
import type { SessionUser } from './context';
import { forbidden } from './errors';

// What each role may do, in one table. Scope (which rows) is applied in the queries;
// this decides the verbs. 三员 (sysadmin/secadmin/auditor) never touch business data.

export const CAPABILITIES = {
  readLedger: ['office', 'leader', 'department', 'reporter', 'inspector', 'viewer'],
  editLedger: ['office'],
  readDirectory: ['office', 'leader', 'department', 'reporter', 'inspector', 'viewer', 'sysadmin', 'secadmin'],
  manageOrgs: ['office', 'sysadmin'],
  manageRegions: ['sysadmin'],
  manageUsers: ['office', 'sysadmin', 'secadmin'],
  readAudit: ['auditor'],
  seePhones: ['office', 'leader', 'department', 'inspector', 'secadmin'],
  // The monthly report: the office runs the month, companies fill, departments review.
  readReports: ['office', 'leader', 'department', 'reporter', 'inspector', 'viewer'],
  fillReports: ['office', 'reporter'],
  reviewReports: ['office', 'department'],
  managePeriods: ['office'],
  managePoints: ['office', 'reporter'],
  // A month's archive holds every project of the region: for those who see the whole region.
  readArchives: ['office', 'leader', 'inspector', 'viewer'],
  // Supervision (督导): obstacles, warnings, inspections, joint meetings, leaders' visits.
  readSupervision: ['office', 'leader', 'department', 'reporter', 'inspector', 'viewer'],
  manageObstacles: ['office'],
  resolveObstacles: ['office', 'department'],
  inspect: ['office', 'inspector'],
  manageMeetings: ['office'],
  recordVisits: ['office', 'leader'],
  // Assessment (考核), rankings and the monthly bulletin (通报), the annual summary: the office
  // scores and publishes; leaders, departments, inspectors and viewers read what is published.
  readAssessment: ['office', 'leader', 'department', 'inspector', 'viewer'],
  manageAssessment: ['office'],
} as const satisfies Record<string, readonly Role[]>;
export type Capability = keyof typeof CAPABILITIES;

export function can(user: SessionUser, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(user.role);
}

export function assertCan(user: SessionUser, capability: Capability): void {
  if (!can(user, capability)) throw forbidden();
}

export function capabilitiesOf(user: SessionUser): Record<Capability, boolean> {
  return Object.fromEntries(Object.keys(CAPABILITIES).map((c) => [c, can(user, c as Capability)])) as Record<Capability, boolean>;
}

/**
 * Roles a user may grant (and accounts of which role they may manage). 三员 stay apart
 * (SECURITY.md row 5): only the security administrator deals with administrator accounts,
 * and never with one of its own role; the system administrator and the office manage
 * business accounts only.
 */
export function canGrantRole(user: SessionUser, role: Role): boolean {
  if (user.role === 'secadmin') return role !== 'secadmin';
  if (user.role === 'sysadmin' || user.role === 'office') return !ADMIN_ROLES.includes(role);
  return false;
}

export function isAdminRole(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

/** The region-code prefix that bounds everything this user may see. */
export function scopePrefix(user: SessionUser): string {
  return regionPrefix(user.regionCode, user.regionLevel);
}

export function isInScope(user: SessionUser, regionCode: string): boolean {
  return regionCode.startsWith(scopePrefix(user));
}
