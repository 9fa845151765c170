import { parseCoordinateList, toWgs84, type Datum, type LngLat, type Stage } from '@tuijin/core';
import type { ProjectDetail, ProjectFieldName, ProjectFields } from './types';

// The project form edits three groups of fields, each a tab of the detail page; creating a
// project fills all three at once. The form holds API units (yuan, 'YYYY-MM-DD', ids).

export const SECTION_FIELDS = {
  basic: [
    'name', 'code', 'regionCode', 'category', 'industry', 'nature', 'townshipId', 'address', 'lng', 'lat', 'sitePolygon',
    'ownerOrgId', 'contentScale', 'totalInvestment', 'foreign', 'fundingSources', 'annualRevenue', 'annualProfitTax', 'tags',
  ],
  duty: ['leaderId', 'firstResponsibleId', 'responsibleOrgId', 'bankOrgId', 'contactId', 'team', 'implementationPlan'],
  commitments: [
    'commitStartDate', 'commitCompletionDate', 'commitProductionDate', 'commitTarget', 'commitDuty', 'commitRewardPenalty',
    'actualStartDate', 'actualCompletionDate', 'actualProductionDate',
  ],
} as const satisfies Record<string, readonly EditableField[]>;

export type EditableField = ProjectFieldName;

export type ProjectSection = keyof typeof SECTION_FIELDS;
export const ALL_SECTIONS: readonly ProjectSection[] = ['basic', 'duty', 'commitments'];

export type EditableFields = ProjectFields;

/** The outline is held as text (sitePolygonText), so the array itself is not a form field. */
export type ProjectFormValues = Partial<Omit<EditableFields, 'sitePolygon'>> & {
  /** UI switch for the foreign-currency group; not sent. */
  hasForeign?: boolean;
  /** The datum the coordinates were typed in; GCJ-02 (高德/腾讯地图) is converted to WGS-84 on save. */
  datum?: Datum;
  /** The site outline as text, one "lng,lat" per line. */
  sitePolygonText?: string;
  stage?: Stage;
  stageDate?: string | null;
};

export function fieldsOf(sections: readonly ProjectSection[]): EditableField[] {
  return sections.flatMap((s) => [...SECTION_FIELDS[s]]);
}

export function toFormValues(detail: ProjectDetail): ProjectFormValues {
  const values: ProjectFormValues = {
    hasForeign: detail.foreign != null,
    datum: 'wgs84',
    sitePolygonText: (detail.sitePolygon ?? []).map(([lng, lat]) => `${lng},${lat}`).join('\n'),
  };
  for (const field of fieldsOf(ALL_SECTIONS)) {
    if (field !== 'sitePolygon') Object.assign(values, { [field]: detail[field] });
  }
  return values;
}

const TEXT_FIELDS = new Set<EditableField>([
  'code', 'name', 'address', 'contentScale', 'team', 'implementationPlan', 'commitTarget', 'commitDuty', 'commitRewardPenalty',
]);

/** What the form holds, as the API wants it: blank text is null, a switched-off group is null. */
export function fromFormValues(values: ProjectFormValues, fields: readonly EditableField[]): Partial<EditableFields> {
  const out: Partial<EditableFields> = {};
  for (const field of fields) {
    let value: unknown = field === 'sitePolygon' ? undefined : values[field];
    if (value === undefined) value = null;
    if (TEXT_FIELDS.has(field) && typeof value === 'string') value = value.trim() === '' ? null : value.trim();
    if (field === 'foreign') value = values.hasForeign ? values.foreign ?? null : null;
    if (field === 'fundingSources') value = (values.fundingSources ?? []).filter((r) => r && r.source && r.amount != null);
    if (field === 'tags') value = (values.tags ?? []).map((t) => t.trim()).filter(Boolean);
    if (field === 'sitePolygon') value = sitePolygonOf(values);
    if ((field === 'lng' || field === 'lat') && values.datum === 'gcj02' && values.lng != null && values.lat != null) {
      const [lng, lat] = toWgs84([values.lng, values.lat], 'gcj02');
      value = Number((field === 'lng' ? lng : lat).toFixed(6));
    }
    Object.assign(out, { [field]: value });
  }
  return out;
}

function sitePolygonOf(values: ProjectFormValues): LngLat[] | null {
  const parsed = parseCoordinateList(values.sitePolygonText ?? '');
  if (!('points' in parsed) || parsed.points.length === 0) return null;
  return parsed.points.map((p) => {
    const [lng, lat] = toWgs84(p, values.datum ?? 'wgs84');
    return [Number(lng.toFixed(6)), Number(lat.toFixed(6))];
  });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Only the fields the person changed: a PATCH that touches nothing else. */
export function changedFields(before: Partial<EditableFields>, after: Partial<EditableFields>): Partial<EditableFields> {
  const out: Partial<EditableFields> = {};
  for (const [field, value] of Object.entries(after)) {
    if (!same(before[field as EditableField], value)) Object.assign(out, { [field]: value });
  }
  return out;
}

export function isSameValue(a: unknown, b: unknown): boolean {
  return same(a, b);
}
