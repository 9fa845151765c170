import type { Stage } from '@tuijin/core';
import type { ProjectDetail, ProjectFieldName, ProjectFields } from './types';

// The project form edits three groups of fields, each a tab of the detail page; creating a
// project fills all three at once. The form holds API units (yuan, 'YYYY-MM-DD', ids).

export const SECTION_FIELDS = {
  basic: [
    'name', 'code', 'regionCode', 'category', 'industry', 'nature', 'townshipId', 'address', 'lng', 'lat',
    'ownerOrgId', 'contentScale', 'totalInvestment', 'foreign', 'fundingSources', 'annualRevenue', 'annualProfitTax', 'tags',
  ],
  duty: ['leaderId', 'firstResponsibleId', 'responsibleOrgId', 'bankOrgId', 'contactId', 'team', 'implementationPlan'],
  commitments: [
    'commitStartDate', 'commitCompletionDate', 'commitProductionDate', 'commitTarget', 'commitDuty', 'commitRewardPenalty',
    'actualStartDate', 'actualCompletionDate', 'actualProductionDate',
  ],
} as const satisfies Record<string, readonly EditableField[]>;

/** The site polygon is drawn on a map (not in this form), so it is never sent from here. */
export type EditableField = Exclude<ProjectFieldName, 'sitePolygon'>;

export type ProjectSection = keyof typeof SECTION_FIELDS;
export const ALL_SECTIONS: readonly ProjectSection[] = ['basic', 'duty', 'commitments'];

export type EditableFields = Omit<ProjectFields, 'sitePolygon'>;

export type ProjectFormValues = Partial<EditableFields> & {
  /** UI switch for the foreign-currency group; not sent. */
  hasForeign?: boolean;
  stage?: Stage;
  stageDate?: string | null;
};

export function fieldsOf(sections: readonly ProjectSection[]): EditableField[] {
  return sections.flatMap((s) => [...SECTION_FIELDS[s]]);
}

export function toFormValues(detail: ProjectDetail): ProjectFormValues {
  const values: ProjectFormValues = { hasForeign: detail.foreign != null };
  for (const field of fieldsOf(ALL_SECTIONS)) {
    Object.assign(values, { [field]: detail[field] });
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
    let value: unknown = values[field];
    if (value === undefined) value = null;
    if (TEXT_FIELDS.has(field) && typeof value === 'string') value = value.trim() === '' ? null : value.trim();
    if (field === 'foreign') value = values.hasForeign ? values.foreign ?? null : null;
    if (field === 'fundingSources') value = (values.fundingSources ?? []).filter((r) => r && r.source && r.amount != null);
    if (field === 'tags') value = (values.tags ?? []).map((t) => t.trim()).filter(Boolean);
    Object.assign(out, { [field]: value });
  }
  return out;
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
