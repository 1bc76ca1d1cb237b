import { groupKindCatalogue, groupKinds, sectorLabels, sectors, sizeNorms } from '@kooperacja/groups';
import { INDICATORS, type IndicatorCode } from '@kooperacja/programme';
import { DAYS_PER_MONTH } from '../comparison-metrics/days';
import { METRIC, REPORTED } from '../comparison-metrics/metrics';

export type Unit =
  | 'jst'
  | 'entities'
  | 'bodies'
  | 'persons'
  | 'meetings'
  | 'decisions'
  | 'families'
  | 'plans'
  | 'trainings'
  | 'hours'
  | 'percent'
  | 'meetings-per-family'
  | 'hours-per-person'
  | 'months'
  | 'pln'
  | 'pln-per-jst'
  | 'pln-per-family';

/** Sums of the cube for one tenant at one point in time. Without a dimension: over all of them. */
export interface Sums {
  count(metric: string, dimension?: string): number;
  value(metric: string, dimension?: string): number;
}

export type TargetSource =
  /** The target the tenant's programme set for this indicator (`programme.IndicatorTargetSet`). */
  | { readonly kind: 'programme'; readonly indicator: IndicatorCode }
  /** A norm from the seed documents, the same for every tenant. */
  | { readonly kind: 'norm'; readonly value: number; readonly source: string };

export interface IndicatorDefinition {
  readonly code: string;
  readonly labelPl: string;
  readonly labelEn: string;
  readonly unit: Unit;
  /** Places the actual is rounded to. */
  readonly decimals: number;
  readonly target?: TargetSource;
  /** The actual from the sums; null when it cannot be measured (nothing recorded it, or a zero denominator). */
  actual(s: Sums): number | null;
  /** Which budget line a money indicator is based on. */
  basis?(s: Sums): string | null;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** The budget line money is compared on: the total cost where the tenant stated one, else the EU share. */
function budgetBasis(s: Sums): 'total' | 'euShare' | null {
  if (s.value(METRIC.budget, 'total') > 0) return 'total';
  if (s.value(METRIC.budget, 'euShare') > 0) return 'euShare';
  return null;
}
const budget = (s: Sums) => {
  const line = budgetBasis(s);
  return line ? s.value(METRIC.budget, line) : null;
};

const programme = (code: IndicatorCode) => ({
  code,
  labelPl: INDICATORS[code].pl,
  labelEn: INDICATORS[code].en,
  unit: INDICATORS[code].unit as Unit,
  decimals: 0,
  target: { kind: 'programme', indicator: code } as const,
});

const DI_TOPIC = 'deinstitutionalisation';

/** Every indicator of the comparison, in the order tables show them. Definitions: docs/comparison.md. */
export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  { ...programme('jst-under-agreement'), actual: (s) => s.count(METRIC.jstUnderAgreement) },
  { ...programme('jst-in-pilot'), actual: (s) => s.count(METRIC.jstInPilot) },
  {
    ...programme('partner-entities'),
    labelPl: 'Instytucje w ciałach partnerstwa (podmioty współpracujące)',
    labelEn: 'Institutions in the partnership bodies (cooperating entities)',
    actual: (s) => s.count(METRIC.institutions),
  },
  ...sectors.map((sector): IndicatorDefinition => ({
    code: `institutions-sector-${sector}`,
    labelPl: `Instytucje w ciałach partnerstwa: ${sectorLabels[sector].pl}`,
    labelEn: `Institutions in the partnership bodies: ${sectorLabels[sector].en}`,
    unit: 'entities',
    decimals: 0,
    actual: (s) => s.count(METRIC.institutionsBySector, sector),
  })),
  ...groupKinds.map((kind): IndicatorDefinition => ({
    code: `groups-${kind}`,
    labelPl: `Działające ciała: ${groupKindCatalogue[kind].label.pl}`,
    labelEn: `Bodies in operation: ${groupKindCatalogue[kind].label.en}`,
    unit: 'bodies',
    decimals: 0,
    actual: (s) => s.count(METRIC.groups, kind),
  })),
  ...groupKinds.map((kind): IndicatorDefinition => {
    const norm = sizeNorms[kind];
    return {
      code: `group-size-${kind}`,
      labelPl: `Średnia liczba członków: ${groupKindCatalogue[kind].label.pl}`,
      labelEn: `Average members: ${groupKindCatalogue[kind].label.en}`,
      unit: 'persons',
      decimals: 1,
      ...(norm ? { target: { kind: 'norm', value: norm.members, source: norm.source } as const } : {}),
      actual: (s) => ratio(s.count(METRIC.groupMembers, kind), s.count(METRIC.groups, kind)),
    };
  }),
  {
    code: 'meetings',
    labelPl: 'Spotkania ciał (grup, zespołów)',
    labelEn: 'Meetings of the bodies',
    unit: 'meetings',
    decimals: 0,
    actual: (s) => s.count(METRIC.meetings),
  },
  {
    code: 'decisions-adopted',
    labelPl: 'Podjęte decyzje (uchwały, ustalenia)',
    labelEn: 'Decisions adopted',
    unit: 'decisions',
    decimals: 0,
    actual: (s) => s.count(METRIC.decisionsAdopted),
  },
  { ...programme('families-enrolled'), actual: (s) => s.count(METRIC.casesEnrolled) },
  { ...programme('plans-completed'), actual: (s) => s.count(METRIC.plansCompleted) },
  {
    code: 'plan-success-rate',
    labelPl: 'Odsetek planów indywidualnych zakończonych sukcesem',
    labelEn: 'Individual plans completed with success',
    unit: 'percent',
    decimals: 1,
    actual: (s) => pct(s.count(METRIC.plansCompleted, 'success'), s.count(METRIC.plansCompleted)),
  },
  {
    code: 'case-team-meetings-per-family',
    labelPl: 'Spotkania zespołów (ZZK/GGK/IPW) na rodzinę',
    labelEn: 'Case-team meetings per family',
    unit: 'meetings-per-family',
    decimals: 2,
    actual: (s) => ratio(s.count(METRIC.caseTeamMeetings), s.count(METRIC.casesEnrolled)),
  },
  { ...programme('social-workers-coached'), actual: (s) => s.value(METRIC.socialWorkersCoached) },
  {
    code: 'coaching-hours-per-social-worker',
    labelPl: 'Godziny coachingu na pracownika socjalnego',
    labelEn: 'Coaching hours per social worker',
    unit: 'hours-per-person',
    decimals: 1,
    actual: (s) => ratio(s.value(METRIC.coachingWorkerHours), s.value(METRIC.socialWorkersCoached)),
  },
  {
    code: 'months-agreement-to-first-case-team-meeting',
    labelPl: 'Miesiące od porozumienia do pierwszego spotkania zespołu',
    labelEn: 'Months from the agreement to the first case-team meeting',
    unit: 'months',
    decimals: 1,
    actual: (s) => {
      const days = ratio(s.value(METRIC.agreementToFirstMeeting), s.count(METRIC.agreementToFirstMeeting));
      return days === null ? null : days / DAYS_PER_MONTH;
    },
  },
  {
    code: 'budget',
    labelPl: 'Budżet projektu',
    labelEn: 'Project budget',
    unit: 'pln',
    decimals: 2,
    actual: budget,
    basis: budgetBasis,
  },
  {
    code: 'money-per-jst',
    labelPl: 'Środki na JST w pilotażu',
    labelEn: 'Money per JST in the pilot',
    unit: 'pln-per-jst',
    decimals: 2,
    actual: (s) => perUnit(budget(s), s.count(METRIC.jstInPilot)),
    basis: budgetBasis,
  },
  {
    code: 'money-per-family',
    labelPl: 'Środki na rodzinę objętą wsparciem',
    labelEn: 'Money per family enrolled',
    unit: 'pln-per-family',
    decimals: 2,
    actual: (s) => perUnit(budget(s), s.count(METRIC.casesEnrolled)),
    basis: budgetBasis,
  },
  { ...programme('staff-competences'), actual: (s) => s.value(METRIC.trainings) },
  { ...programme('di-information-meetings'), actual: (s) => s.count(METRIC.trainings, DI_TOPIC) },
  {
    ...programme('specialist-trainings'),
    actual: (s) => s.count(METRIC.trainings) - s.count(METRIC.trainings, DI_TOPIC),
  },
  // Nothing the platform records measures these two yet: the target stands alone.
  { ...programme('covid-support-entities'), actual: () => null },
  { ...programme('rops-educational-meetings'), actual: () => null },
  {
    code: 'reported-families-enrolled',
    labelPl: 'Rodziny objęte wsparciem (wg sprawozdań)',
    labelEn: 'Families enrolled (as reported)',
    unit: 'families',
    decimals: 0,
    target: { kind: 'programme', indicator: 'families-enrolled' },
    actual: (s) => s.value(METRIC.reportedOutcomes, REPORTED.familiesEnrolled),
  },
  {
    code: 'reported-plans-completed',
    labelPl: 'Zrealizowane plany indywidualne (wg sprawozdań)',
    labelEn: 'Individual plans completed (as reported)',
    unit: 'plans',
    decimals: 0,
    target: { kind: 'programme', indicator: 'plans-completed' },
    actual: (s) => s.value(METRIC.reportedOutcomes, REPORTED.plansCompleted),
  },
  {
    code: 'reported-plan-success-rate',
    labelPl: 'Odsetek planów zakończonych sukcesem (wg sprawozdań)',
    labelEn: 'Plans completed with success (as reported)',
    unit: 'percent',
    decimals: 1,
    actual: (s) =>
      pct(
        s.value(METRIC.reportedOutcomes, REPORTED.successes),
        s.value(METRIC.reportedOutcomes, REPORTED.plansCompleted),
      ),
  },
];

function perUnit(money: number | null, units: number): number | null {
  return money === null ? null : ratio(money, units);
}

function pct(part: number, whole: number): number | null {
  const r = ratio(part, whole);
  return r === null ? null : r * 100;
}

export const INDICATOR_CODES: readonly string[] = INDICATOR_DEFINITIONS.map((d) => d.code);

/** The metrics an indicator reads, so a query for a few indicators reads a few metrics. */
export function metricsRead(definitions: readonly IndicatorDefinition[]): string[] {
  const read = new Set<string>();
  const probe: Sums = {
    count: (metric) => (read.add(metric), 1),
    value: (metric) => (read.add(metric), 1),
  };
  for (const d of definitions) {
    d.actual(probe);
    d.basis?.(probe);
  }
  if (definitions.some((d) => d.target?.kind === 'programme')) read.add(METRIC.target);
  return [...read].sort();
}
