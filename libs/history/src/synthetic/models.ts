import type { MunicipalityType, TenantDirectory, TenantInfo } from '@kooperacja/platform';

export type ModelId = 'mr1' | 'mr2' | 'mr3';

/** What the synthetic pilot needs to know of a macroregion's model (docs/domain.md). */
export interface ModelProfile {
  readonly model: ModelId;
  readonly name: string;
  readonly nameEn: string;
  readonly municipalityType: MunicipalityType;
  /** Last digit of a gmina's TERYT code for that type. */
  readonly kindDigit: '1' | '2' | '3';
  readonly voivodeships: readonly string[];
  readonly caseUnit: 'ipw' | 'ggk' | 'zzk';
  readonly planType: 'ipw' | 'ggk-goals' | 'zzk-plan';
  /** Case team of the model: none (IPW worked by the OPS with the PZK), a GGK per gmina, a ZZK per family. */
  readonly caseTeam: 'none' | 'GGK' | 'ZZK';
  /** Design-phase bodies PGR, PGD (per powiat) and RGR (per voivodeship): macroregion II (seed 003). */
  readonly designBodies: boolean;
  /** Share of completed plans with outcome success, and partial; the rest fail. */
  readonly successRate: number;
  readonly partialRate: number;
  /** How long an individual plan runs, in months. */
  readonly planMonths: readonly [number, number];
  /** Probability that the client takes part in a case-team meeting. */
  readonly clientPresence: number;
  /** Local partnership decisions (PZK) typical of the model. */
  readonly pzkDecisions: readonly string[];
}

const COMMON_PZK_DECISIONS = [
  'Regulamin pracy Partnerskiego Zespołu Kooperacyjnego',
  'Plan pracy zespołu na 2019 r.',
  'Plan pracy zespołu na 2020 r.',
  'Zasady wymiany informacji między instytucjami partnerskimi',
  'Sprawozdanie z realizacji planu pracy za 2019 r.',
];

export const MODELS: Readonly<Record<ModelId, ModelProfile>> = {
  mr1: {
    model: 'mr1',
    name: 'Makroregion I',
    nameEn: 'Macroregion I',
    municipalityType: 'rural',
    kindDigit: '2',
    voivodeships: ['lubelskie', 'mazowieckie', 'podkarpackie', 'podlaskie', 'świętokrzyskie'],
    caseUnit: 'ipw',
    planType: 'ipw',
    caseTeam: 'none',
    designBodies: false,
    // Research: 140 of 172 IPW completed successfully; work lasted 10-13 months.
    successRate: 140 / 172,
    partialRate: 0.12,
    planMonths: [10, 13],
    clientPresence: 0.6,
    pzkDecisions: COMMON_PZK_DECISIONS,
  },
  mr2: {
    model: 'mr2',
    name: 'Makroregion II',
    nameEn: 'Macroregion II',
    municipalityType: 'urban-rural',
    kindDigit: '3',
    voivodeships: [
      'kujawsko-pomorskie',
      'lubuskie',
      'pomorskie',
      'warmińsko-mazurskie',
      'wielkopolskie',
      'zachodniopomorskie',
    ],
    caseUnit: 'ggk',
    planType: 'ggk-goals',
    caseTeam: 'GGK',
    designBodies: true,
    // No published figure: a synthetic assumption.
    successRate: 0.72,
    partialRate: 0.18,
    planMonths: [8, 12],
    clientPresence: 0.55,
    pzkDecisions: COMMON_PZK_DECISIONS,
  },
  mr3: {
    model: 'mr3',
    name: 'Makroregion III',
    nameEn: 'Macroregion III',
    municipalityType: 'urban',
    kindDigit: '1',
    voivodeships: ['śląskie', 'łódzkie', 'małopolskie', 'opolskie'],
    caseUnit: 'zzk',
    planType: 'zzk-plan',
    caseTeam: 'ZZK',
    designBodies: false,
    // No published figure: a synthetic assumption.
    successRate: 0.76,
    partialRate: 0.15,
    planMonths: [8, 12],
    // The client takes part in the ZZK (seed 001: cooperation at the client level).
    clientPresence: 0.85,
    pzkDecisions: [
      'Regulamin pracy Partnerskiego Zespołu Kooperacyjnego',
      'Koszyk usług – katalog usług dostępnych w gminie',
      'Plan pracy zespołu na 2019 r.',
      'Aktualizacja koszyka usług',
      'Plan pracy zespołu na 2020 r.',
    ],
  },
};

/** A tenant of the synthetic pilot and the model it follows (`mr1` follows mr1's, and so on). */
export interface SyntheticTenant {
  readonly id: string;
  readonly model: ModelId;
}

/** The tenants as the platform's migration creates them, for runs without a database. */
export function modelTenantDirectory(tenants: readonly SyntheticTenant[]): TenantDirectory {
  const infos: TenantInfo[] = tenants.map(({ id, model }) => {
    const p = MODELS[model];
    return {
      id,
      name: p.name,
      nameEn: p.nameEn,
      municipalityType: p.municipalityType,
      voivodeships: p.voivodeships,
      status: 'active',
    };
  });
  return {
    get: async (id) => infos.find((t) => t.id === id) ?? null,
    list: async () => [...infos],
  };
}
