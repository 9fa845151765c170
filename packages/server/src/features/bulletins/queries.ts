import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';
import type { SessionUser } from '../../lib/context';
import { can, scopePrefix } from '../../lib/permissions';

// A bulletin belongs to a region and month. Everyone who reads assessments sees the published
// bulletins of their region and the regions below it; the office of the bulletin's own region
// alone sees (and edits) its drafts. What a caller may not see is simply not found.

/** The office of the bulletin's own region drafts, edits and publishes it. */
export function managesBulletin(user: SessionUser, b: { regionCode: string }): boolean {
  return can(user, 'manageAssessment') && b.regionCode === user.regionCode;
}

/** Bulletins the user may see, as a WHERE clause: published ones in scope, and their own office's drafts. */
export function bulletinScope(user: SessionUser) {
  return (eb: ExpressionBuilder<DB, 'bulletin'>) => {
    const prefix = scopePrefix(user);
    const inScope = prefix.length === 6 ? eb('bulletin.regionCode', '=', prefix) : eb('bulletin.regionCode', 'like', `${prefix}%`);
    const visible = can(user, 'manageAssessment')
      ? eb.or([eb('bulletin.status', '=', 'published'), eb('bulletin.regionCode', '=', user.regionCode)])
      : eb('bulletin.status', '=', 'published');
    return eb.and([inScope, visible]);
  };
}

export function bulletinBase(db: Executor) {
  return db.selectFrom('bulletin')
    .innerJoin('region', 'region.code', 'bulletin.regionCode')
    .leftJoin('appUser as publisher', 'publisher.id', 'bulletin.publishedBy');
}

export function findBulletin(db: Executor, user: SessionUser, id: number) {
  return bulletinBase(db)
    .selectAll('bulletin')
    .select(['region.name as regionName', 'region.level as regionLevel', 'publisher.displayName as publishedByName'])
    .where(bulletinScope(user)).where('bulletin.id', '=', id)
    .executeTakeFirst();
}
export type BulletinRow = NonNullable<Awaited<ReturnType<typeof findBulletin>>>;
