import type { SessionUser } from '../../lib/context';
import { capabilitiesOf } from '../../lib/permissions';

export function presentMe(user: SessionUser, passwordChangeDue: boolean) {
  const can = capabilitiesOf(user);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    regionName: user.regionName,
    regionLevel: user.regionLevel,
    orgId: user.orgId,
    orgName: user.orgName,
    /** The person this account is (a leader records their own visits as this person). */
    personId: user.personId,
    mustChangePassword: user.mustChangePassword,
    passwordExpired: passwordChangeDue && !user.mustChangePassword,
    can: {
      readLedger: can.readLedger,
      readDirectory: can.readDirectory,
      editLedger: can.editLedger,
      manageOrgs: can.manageOrgs,
      manageUsers: can.manageUsers,
      manageRegions: can.manageRegions,
      readAudit: can.readAudit,
      readReports: can.readReports, fillReports: can.fillReports, reviewReports: can.reviewReports, managePeriods: can.managePeriods, managePoints: can.managePoints,
      readArchives: can.readArchives,
      readSupervision: can.readSupervision, manageObstacles: can.manageObstacles, resolveObstacles: can.resolveObstacles,
      inspect: can.inspect, manageMeetings: can.manageMeetings, recordVisits: can.recordVisits,
      readAssessment: can.readAssessment, manageAssessment: can.manageAssessment,
    },
  };
}
