import { COUNTRY_CODE, levelOfCode, type Role } from '@tuijin/core';
import type { SessionUser } from './context';

/** The actor for work started from the command line or at first start (audited as 'system'). */
export function systemUser(role: Role = 'office', regionCode: string = COUNTRY_CODE): SessionUser {
  return {
    id: 0, username: 'system', displayName: '系统', role, regionCode, regionName: '', regionLevel: levelOfCode(regionCode),
    orgId: null, orgName: null, personId: null, mustChangePassword: false, passwordChangedAt: new Date().toISOString(), ip: null,
  };
}
