import type { MunicipalityType } from '@kooperacja/platform';

/** How far a gmina has come; a withdrawal keeps the stage it had reached (see `withdrawal`). */
export type MunicipalityStage = 'invited' | 'declared' | 'under-agreement' | 'pilot-site';

export interface Agreement {
  /** ISO date the agreement was signed. */
  readonly signedOn: string;
  /** Number or reference of the agreement (porozumienie), e.g. 'POR/12/2019'. */
  readonly reference: string;
}

/** A gmina as its stream tells it: the state of `territory.municipality-<teryt>`. */
export interface MunicipalityView {
  readonly teryt: string;
  readonly name: string;
  readonly type: MunicipalityType;
  /** Name of the powiat, e.g. 'kartuski'; its TERYT code is `powiatTeryt`. */
  readonly powiat: string;
  readonly powiatTeryt: string;
  readonly voivodeship: string;
  /** Set when the gmina's type differs from the tenant's model and it was invited anyway. */
  readonly typeException: { readonly reason: string } | null;
  readonly stage: MunicipalityStage;
  readonly invitedOn: string;
  readonly declaredOn: string | null;
  readonly declarationRef: string | null;
  readonly agreement: Agreement | null;
  readonly recruitedOn: string | null;
  readonly withdrawal: { readonly withdrawnOn: string; readonly reason: string } | null;
}

/** A powiat as its stream tells it: the state of `territory.powiat-<teryt>`. */
export interface PowiatView {
  readonly teryt: string;
  readonly name: string;
  readonly voivodeship: string;
  readonly invitedOn: string;
  readonly agreement: Agreement | null;
}
