import { js, type IntegrationEventDefinition } from '@kooperacja/platform/messaging';
import { INDICATOR_CODES, type IndicatorCode, type IndicatorUnit } from '../indicators';
import type { Budget } from '../money';
import { MINISTRY_OPINIONS, PARTNER_KINDS, type MinistryOpinion, type Partner } from '../project.view';

/**
 * The programme's integration events: what ministry reporting and regional systems may rely on.
 * No `source` and no `reason`: free text stays inside the platform.
 */
const money = js.object(
  {
    grosze: js.string('Integer grosze (1/100 PLN) as decimal digits: exact, never a float.', {
      pattern: '^(0|[1-9]\\d{0,17})$',
    }),
    currency: js.enum(['PLN']),
  },
  [],
  'An amount of money.',
);
const budget = js.object(
  { total: money, euShare: money, targetedGrant: money },
  ['total', 'euShare', 'targetedGrant'],
  'Only the lines the source states.',
);
const period = js.object({ start: js.date('Inclusive.'), end: js.date('Inclusive.') });
const partner = js.object(
  {
    partnerId: js.string('Stable slug, e.g. rops-torun.'),
    name: js.string('The institution (a public body).'),
    kind: js.enum(PARTNER_KINDS),
    voivodeships: js.array(js.string(), 'Lower-case Polish names.'),
  },
  [],
);
const UNITS: readonly IndicatorUnit[] = ['jst', 'entities', 'persons', 'families', 'plans', 'meetings', 'trainings'];

export interface PartnershipEstablishedV1 {
  projectTitle: string;
  leadPartnerId: string;
  partners: Partner[];
  plannedPeriod: { start: string; end: string };
  budget: Budget;
  establishedOn: string;
}
export const partnershipEstablishedV1: IntegrationEventDefinition<PartnershipEstablishedV1> = {
  type: 'pl.kooperacja.programme.partnership-established.v1',
  summary: 'The partnership of a macroregion was established: partners, planned period and budget.',
  schema: js.object({
    projectTitle: js.string(),
    leadPartnerId: js.string(),
    partners: js.array(partner, 'Every partner, the lead included.'),
    plannedPeriod: period,
    budget,
    establishedOn: js.date(),
  }),
  example: {
    projectTitle: 'Kooperacja – efektywna i skuteczna',
    leadPartnerId: 'rops-torun',
    partners: [{ partnerId: 'rops-torun', name: 'ROPS w Toruniu', kind: 'ROPS', voivodeships: ['kujawsko-pomorskie'] }],
    plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
    budget: { total: { grosze: '1197747939', currency: 'PLN' } },
    establishedOn: '2018-03-20',
  },
};

export interface PartnerJoinedV1 {
  partner: Partner;
  joinedOn: string;
}
export const partnerJoinedV1: IntegrationEventDefinition<PartnerJoinedV1> = {
  type: 'pl.kooperacja.programme.partner-joined.v1',
  summary: 'An institution joined the partnership.',
  schema: js.object({ partner, joinedOn: js.date() }),
  example: {
    partner: { partnerId: 'rops-gdansk', name: 'ROPS w Gdańsku', kind: 'ROPS', voivodeships: ['pomorskie'] },
    joinedOn: '2018-05-02',
  },
};

export interface PartnerLeftV1 {
  partnerId: string;
  leftOn: string;
}
export const partnerLeftV1: IntegrationEventDefinition<PartnerLeftV1> = {
  type: 'pl.kooperacja.programme.partner-left.v1',
  summary: 'An institution left the partnership (`leftOn`: its last day).',
  schema: js.object({ partnerId: js.string(), leftOn: js.date() }),
  example: { partnerId: 'rops-gdansk', leftOn: '2020-12-31' },
};

export interface BudgetAmendedV1 {
  budget: Budget;
  amendedOn: string;
}
export const budgetAmendedV1: IntegrationEventDefinition<BudgetAmendedV1> = {
  type: 'pl.kooperacja.programme.budget-amended.v1',
  summary: 'The budget was amended; only the lines that changed are given.',
  schema: js.object({ budget, amendedOn: js.date() }),
  example: { budget: { total: { grosze: '3160436834', currency: 'PLN' } }, amendedOn: '2021-06-30' },
};

export interface ScheduleAmendedV1 {
  period: { start: string; end: string };
  amendedOn: string;
}
export const scheduleAmendedV1: IntegrationEventDefinition<ScheduleAmendedV1> = {
  type: 'pl.kooperacja.programme.schedule-amended.v1',
  summary: 'The project period was amended.',
  schema: js.object({ period, amendedOn: js.date() }),
  example: { period: { start: '2018-04-01', end: '2022-12-31' }, amendedOn: '2021-02-15' },
};

export interface IndicatorTargetSetV1 {
  indicator: IndicatorCode;
  value: number;
  unit: IndicatorUnit;
  setOn: string;
}
export const indicatorTargetSetV1: IntegrationEventDefinition<IndicatorTargetSetV1> = {
  type: 'pl.kooperacja.programme.indicator-target-set.v1',
  summary: 'A target of an indicator was set (a later one for the same indicator replaces it).',
  schema: js.object({
    indicator: js.enum(INDICATOR_CODES),
    value: js.integer(undefined, 0),
    unit: js.enum(UNITS),
    setOn: js.date(),
  }),
  example: { indicator: 'jst-in-pilot', value: 50, unit: 'jst', setOn: '2018-03-20' },
};

export interface MilestoneCompletedV1 {
  milestone: number;
  completedOn: string;
}
export const milestoneCompletedV1: IntegrationEventDefinition<MilestoneCompletedV1> = {
  type: 'pl.kooperacja.programme.milestone-completed.v1',
  summary: 'A milestone (1 = I design, 2 = II pilot, 3 = III recommendations, 4… later) was completed.',
  schema: js.object({ milestone: js.integer(undefined, 1), completedOn: js.date() }),
  example: { milestone: 1, completedOn: '2019-03-29' },
};

export interface ModelVersionApprovedV1 {
  version: string;
  ministryOpinion: MinistryOpinion;
  approvedOn: string;
}
export const modelVersionApprovedV1: IntegrationEventDefinition<ModelVersionApprovedV1> = {
  type: 'pl.kooperacja.programme.model-version-approved.v1',
  summary: 'A version of the cooperation model was approved, with the ministry’s opinion.',
  schema: js.object({ version: js.string(), ministryOpinion: js.enum(MINISTRY_OPINIONS), approvedOn: js.date() }),
  example: { version: '1.0', ministryOpinion: 'positive', approvedOn: '2019-03-14' },
};

/** The facts a correction can replace, by integration type. */
export const correctableFacts = [
  partnershipEstablishedV1,
  partnerJoinedV1,
  partnerLeftV1,
  budgetAmendedV1,
  scheduleAmendedV1,
  indicatorTargetSetV1,
  milestoneCompletedV1,
  modelVersionApprovedV1,
] as const;

export interface FactCorrectedV1 {
  /** The `ce_id` of the event corrected. */
  correctedEventId: string;
  correctedType: string;
  /** The fact as it should have been (data of `correctedType`), or null: it did not happen. */
  replacement: object | null;
  correctedOn: string;
}
export const factCorrectedV1: IntegrationEventDefinition<FactCorrectedV1> = {
  type: 'pl.kooperacja.programme.fact-corrected.v1',
  summary: 'An earlier fact was wrong: read `replacement` in its place, or drop it when null.',
  schema: js.object({
    correctedEventId: js.string('The ce_id of the corrected event.'),
    correctedType: js.enum(correctableFacts.map((d) => d.type)),
    replacement: { anyOf: [...correctableFacts.map((d) => d.schema), { type: 'null' }] },
    correctedOn: js.date(),
  }),
  example: {
    correctedEventId: '0b7f4a52-5c4e-4d0e-9a51-3d2f1c6b8e01',
    correctedType: milestoneCompletedV1.type,
    replacement: { milestone: 1, completedOn: '2019-04-05' },
    correctedOn: '2019-05-10',
  },
};
