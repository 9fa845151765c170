import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/types';
import type { SessionUser } from '../../lib/context';
import { scopePrefix } from '../../lib/permissions';

/**
 * Which projects a user may see, as a WHERE clause (SECURITY.md row 6): a region's users
 * see its projects; a department only those it is responsible for; a company's reporter
 * only its own. What is outside is simply not found.
 */
export function projectScope(user: SessionUser) {
  return (eb: ExpressionBuilder<DB, 'project'>) => {
    const prefix = scopePrefix(user);
    // A county is an equality (its index gives rows in order); above it, a prefix.
    const region = prefix.length === 6 ? eb('project.regionCode', '=', prefix) : eb('project.regionCode', 'like', `${prefix}%`);
    const conditions = [region, eb('project.deletedAt', 'is', null)];
    if (user.role === 'department') conditions.push(eb('project.responsibleOrgId', '=', user.orgId ?? -1));
    if (user.role === 'reporter') conditions.push(eb('project.ownerOrgId', '=', user.orgId ?? -1));
    return eb.and(conditions);
  };
}
