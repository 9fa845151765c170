import { DEFAULT_REPORT_SETTINGS, DEFAULT_SUPERVISION_SETTINGS } from '@tuijin/core';
import { regionSettings } from './region-settings';

// The monthly report's settings (deadline, schedule, photo checks, upload limits) and the
// supervision loop's (escalation ladder, warning thresholds, visit commitment), per region.

export { regionLine } from './region-settings';

const reports = regionSettings('reports', DEFAULT_REPORT_SETTINGS);
export const loadReportSettings = reports.load;
export const storeReportSettings = reports.store;
export const regionsWithSettings = reports.regions;

export const supervisionSettings = regionSettings('supervision', DEFAULT_SUPERVISION_SETTINGS);
