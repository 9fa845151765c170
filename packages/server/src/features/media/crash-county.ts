import { chinaDate, formatPeriod } from '@tuijin/core';
import type { AppContext } from '../../lib/context';
import { writeAudit } from '../../lib/audit';
import { systemUser } from '../../lib/system-user';
import { sessionUserOf } from '../../demo/reports';
import { createOrg } from '../orgs/service';
import { openPeriod } from '../periods/service';
import { createProject } from '../projects/service';
import { insertUser } from '../users/service';

/** A county for the crash drill: companies with a project and a reporter each, this month open. */
export async function seedCrashCounty(ctx: AppContext, companies: number, password: string) {
  const at = new Date().toISOString();
  for (const [code, name, level, parentCode] of [['100000', '全国', 'country', null], ['470000', '演练省', 'province', '100000'], ['470100', '演练市', 'city', '470000'], ['470102', '演练县', 'county', '470100']] as const) {
    await ctx.db.insertInto('region').values({ code, name, level, parentCode, createdAt: at, updatedAt: at }).execute();
  }
  const office = systemUser('office', '470102');
  const audit = { userId: null, username: 'drill', role: null, ip: null };
  const addUser = (username: string, role: 'office' | 'reporter', orgId: number | null) =>
    ctx.db.transaction().execute((tx) => insertUser(ctx, tx, { username, displayName: username, role, regionCode: '470102', orgId, password }, {
      mustChangePassword: false, audit: (r) => writeAudit(tx, audit, new Date(), r),
    }));
  for (let i = 0; i < companies; i++) {
    const company = await createOrg(ctx, office, { kind: 'company', name: `演练公司${i}`, regionCode: '470102' });
    await createProject(ctx, office, { name: `演练项目${i}`, regionCode: '470102', category: 'industrial', industry: 'equipment', nature: 'new', stage: 'under_construction', totalInvestment: 100_000_000, ownerOrgId: company.id });
    await addUser(`crash_reporter${i}`, 'reporter', company.id);
  }
  const officeId = await addUser('crash_office', 'office', null);
  const today = chinaDate(new Date());
  await openPeriod(ctx, await sessionUserOf(ctx, officeId), { period: formatPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7))) });
}
