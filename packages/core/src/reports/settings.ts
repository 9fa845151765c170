import { DEFAULT_PHOTO_CHECKS, type PhotoCheckSettings } from '../photo-checks/checks';

// What an office may tune about its month: when periods open and are due, how strict the
// photo checks are, how much evidence a report needs, how large an upload may be.

export interface ReportSettings extends PhotoCheckSettings {
  /** Day of the following month on which a period's reports are due (5 → 2026-03 is due 2026-04-05). */
  deadlineDay: number;
  /** Open each month's period by itself on `openDay` of that month. */
  autoOpen: boolean;
  openDay: number;
  /** Photos a report needs before it can be submitted (not counting a 无变化 report). */
  minPhotos: number;
  /** Upload limits in megabytes (SECURITY.md row 12). */
  maxImageMb: number;
  maxVideoMb: number;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  ...DEFAULT_PHOTO_CHECKS,
  deadlineDay: 5,
  autoOpen: false,
  openDay: 25,
  minPhotos: 1,
  maxImageMb: 30,
  maxVideoMb: 500,
};
