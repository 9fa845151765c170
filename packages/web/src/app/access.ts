import { ADMIN_ROLES } from '@tuijin/core';
import type { Me } from './auth';

// What the signed-in user may open. `Me.can` names the write capabilities; reading the ledger
// and the directory follows the role (三员 never touch business data; the auditor reads only
// the audit trail), mirroring the server's capability table.

export interface Access {
  ledger: boolean;
  directory: boolean;
  users: boolean;
  regions: boolean;
  audit: boolean;
}

export function accessOf(me: Me): Access {
  const isAdmin = ADMIN_ROLES.includes(me.role);
  return {
    ledger: !isAdmin,
    directory: me.role !== 'auditor',
    users: me.can.manageUsers,
    regions: me.role !== 'auditor',
    audit: me.can.readAudit,
  };
}

/** Where a user lands after signing in: the overview, or their first page for 三员. */
export function homePath(me: Me): string {
  const access = accessOf(me);
  // A company's reporter comes to fill the month's report.
  if (me.role === 'reporter') return '/my-reports';
  if (access.ledger) return '/';
  if (access.users) return '/users';
  if (access.audit) return '/audit';
  return '/regions';
}
