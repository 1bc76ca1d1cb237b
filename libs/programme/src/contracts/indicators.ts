/** What an indicator counts. */
export type IndicatorUnit = 'jst' | 'entities' | 'persons' | 'families' | 'plans' | 'meetings' | 'trainings';

export interface IndicatorDefinition {
  readonly pl: string;
  readonly en: string;
  readonly unit: IndicatorUnit;
}

/** The fixed catalogue of indicators a project sets targets for (from the projects' stated targets). */
export const INDICATORS = {
  'jst-in-pilot': { pl: 'JST w pilotażu', en: 'JST in the pilot', unit: 'jst' },
  'jst-under-agreement': { pl: 'JST objęte porozumieniem', en: 'JST under a cooperation agreement', unit: 'jst' },
  'partner-entities': {
    pl: 'Podmioty współpracujące na rzecz modelu kooperacji',
    en: 'Entities cooperating on the model',
    unit: 'entities',
  },
  'social-workers-coached': {
    pl: 'Pracownicy socjalni objęci coachingiem',
    en: 'Social workers coached',
    unit: 'persons',
  },
  'families-enrolled': { pl: 'Rodziny objęte wsparciem', en: 'Families enrolled', unit: 'families' },
  'plans-completed': { pl: 'Zrealizowane plany indywidualne', en: 'Individual plans completed', unit: 'plans' },
  'covid-support-entities': {
    pl: 'Podmioty objęte wsparciem w związku z COVID-19',
    en: 'Entities given COVID-19 support',
    unit: 'entities',
  },
  'staff-competences': {
    pl: 'Osoby, które nabyły kompetencje',
    en: 'Staff who gained competences',
    unit: 'persons',
  },
  'di-information-meetings': {
    pl: 'Spotkania ogólnoinformacyjne o deinstytucjonalizacji',
    en: 'DI information meetings',
    unit: 'meetings',
  },
  'specialist-trainings': { pl: 'Szkolenia specjalistyczne', en: 'Specialist trainings', unit: 'trainings' },
  'rops-educational-meetings': {
    pl: 'Spotkania edukacyjne dla pracowników ROPS',
    en: 'Educational meetings for ROPS staff',
    unit: 'meetings',
  },
} as const satisfies Record<string, IndicatorDefinition>;

export type IndicatorCode = keyof typeof INDICATORS;

export const INDICATOR_CODES = Object.keys(INDICATORS) as IndicatorCode[];

export function isIndicatorCode(value: unknown): value is IndicatorCode {
  return typeof value === 'string' && Object.hasOwn(INDICATORS, value);
}
