import type { AppContext, SessionUser } from '../../lib/context';
import { maskPhone } from '../../lib/crypto-box';
import { can } from '../../lib/permissions';
import type { Org } from '../../db/types';

/** A phone number as this user may see it: decrypted, and masked unless the role needs it. */
export function revealPhone(ctx: AppContext, user: SessionUser, sealed: string | null): string | null {
  if (!sealed) return null;
  const phone = ctx.box.decrypt(sealed);
  return can(user, 'seePhones') ? phone : maskPhone(phone);
}

export function presentOrg(ctx: AppContext, user: SessionUser, org: Org & { regionName: string }) {
  return {
    id: org.id,
    kind: org.kind,
    name: org.name,
    shortName: org.shortName,
    regionCode: org.regionCode,
    regionName: org.regionName,
    uscc: org.uscc,
    address: org.address,
    contactName: org.contactName,
    contactPhone: revealPhone(ctx, user, org.contactPhoneEnc),
    version: org.version,
    updatedAt: org.updatedAt,
  };
}
