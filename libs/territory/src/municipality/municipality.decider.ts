import {
  assertWithinPeriod,
  conflict,
  invalid,
  notFound,
  type Command,
  type Decider,
  type MunicipalityType,
} from '@kooperacja/platform';
import { isGminaTeryt, typeOfGminaTeryt } from '../contracts/teryt';
import type { MunicipalityView } from '../contracts/territory.view';
import { isVoivodeship, voivodeshipOfTeryt } from '../contracts/voivodeships';
import {
  assertNotBefore,
  assertVoivodeshipAllowed,
  businessDay,
  optionalText,
  requiredText,
  type LookedUp,
} from '../territory.rules';
import type { MunicipalityEvent } from './municipality.events';

export const MUNICIPALITY_TYPES: readonly MunicipalityType[] = ['rural', 'urban-rural', 'urban'];

export interface InviteMunicipalityInput {
  readonly teryt: string;
  readonly name: string;
  readonly type: MunicipalityType;
  readonly powiat: string;
  readonly voivodeship: string;
  /** Required to invite a gmina whose type differs from the tenant's model; refused otherwise. */
  readonly typeException?: { readonly reason: string } | null;
}
export interface DeclareParticipationInput {
  readonly teryt: string;
  /** Reference of the declaration of cooperation, if it has one. */
  readonly declarationRef?: string | null;
}
export interface SignCooperationAgreementInput {
  readonly teryt: string;
  readonly agreementRef: string;
}
export interface WithdrawMunicipalityInput {
  readonly teryt: string;
  readonly reason: string;
}
export interface RecruitPilotSiteInput {
  readonly teryt: string;
}

export type MunicipalityCommand =
  | Command<
      'InviteMunicipality',
      InviteMunicipalityInput &
        LookedUp & { tenant: { municipalityType: MunicipalityType; voivodeships: readonly string[] } }
    >
  | Command<'DeclareParticipation', DeclareParticipationInput & LookedUp>
  | Command<'SignCooperationAgreement', SignCooperationAgreementInput & LookedUp>
  | Command<'WithdrawMunicipality', WithdrawMunicipalityInput & LookedUp>
  | Command<'RecruitPilotSite', RecruitPilotSiteInput & LookedUp>;

/** The gmina, or null before it is invited. */
export type MunicipalityState = MunicipalityView | null;

export const municipalityDecider: Decider<MunicipalityState, MunicipalityCommand, MunicipalityEvent> = {
  initialState: () => null,
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'InviteMunicipality':
        return invite(command.data, state);
      case 'DeclareParticipation': {
        const d = command.data;
        const day = businessDay(d.occurredAt);
        const declarationRef = optionalText(d.declarationRef, 'declaration.reference-invalid', 'declarationRef');
        const gmina = active(state, d);
        if (gmina.stage !== 'invited') {
          throw conflict(
            'municipality.already-declared',
            `${gmina.name} declared participation on ${gmina.declaredOn}`,
          );
        }
        assertWithinPeriod(d.period, day);
        assertNotBefore(day, gmina.invitedOn, 'invitation');
        return [{ type: 'ParticipationDeclared', data: { teryt: gmina.teryt, declaredOn: day, declarationRef } }];
      }
      case 'SignCooperationAgreement': {
        const d = command.data;
        const day = businessDay(d.occurredAt);
        const agreementRef = requiredText(d.agreementRef, 'agreement.reference-required', 'agreementRef');
        const gmina = active(state, d);
        if (gmina.stage === 'invited') {
          throw conflict('municipality.not-declared', `${gmina.name} has not declared participation yet`);
        }
        if (gmina.agreement) {
          throw conflict('municipality.already-signed', `${gmina.name} signed agreement ${gmina.agreement.reference}`);
        }
        assertWithinPeriod(d.period, day);
        assertNotBefore(day, gmina.declaredOn!, 'declaration of participation');
        return [{ type: 'CooperationAgreementSigned', data: { teryt: gmina.teryt, signedOn: day, agreementRef } }];
      }
      case 'RecruitPilotSite': {
        const d = command.data;
        const day = businessDay(d.occurredAt);
        const gmina = active(state, d);
        if (!gmina.agreement) {
          throw conflict('municipality.agreement-not-signed', `${gmina.name} has no signed cooperation agreement`);
        }
        if (gmina.stage === 'pilot-site') {
          throw conflict('municipality.already-pilot-site', `${gmina.name} is a pilot site since ${gmina.recruitedOn}`);
        }
        assertWithinPeriod(d.period, day);
        assertNotBefore(day, gmina.agreement.signedOn, 'cooperation agreement');
        return [{ type: 'PilotSiteRecruited', data: { teryt: gmina.teryt, recruitedOn: day } }];
      }
      case 'WithdrawMunicipality': {
        const d = command.data;
        const day = businessDay(d.occurredAt);
        const reason = requiredText(d.reason, 'withdrawal.reason-required', 'reason', 1000);
        const gmina = active(state, d);
        assertWithinPeriod(d.period, day);
        assertNotBefore(day, lastStepOn(gmina), 'last recorded step');
        return [{ type: 'MunicipalityWithdrew', data: { teryt: gmina.teryt, withdrawnOn: day, reason } }];
      }
    }
  },
};

function invite(
  d: Extract<MunicipalityCommand, { type: 'InviteMunicipality' }>['data'],
  state: MunicipalityState,
): MunicipalityEvent[] {
  const day = businessDay(d.occurredAt);
  if (!isGminaTeryt(d.teryt)) {
    throw invalid(
      'municipality.teryt-invalid',
      'teryt must be a gmina TERYT code: 7 digits ending in 1 (urban), 2 (rural) or 3 (urban-rural)',
      'teryt',
    );
  }
  const name = requiredText(d.name, 'municipality.name-required', 'name');
  const powiat = requiredText(d.powiat, 'municipality.powiat-required', 'powiat');
  if (!MUNICIPALITY_TYPES.includes(d.type)) {
    throw invalid('municipality.type-invalid', `type must be one of ${MUNICIPALITY_TYPES.join(', ')}`, 'type');
  }
  if (!isVoivodeship(d.voivodeship)) {
    throw invalid('voivodeship.unknown', `unknown voivodeship ${d.voivodeship}`, 'voivodeship');
  }
  if (voivodeshipOfTeryt(d.teryt) !== d.voivodeship) {
    throw invalid(
      'municipality.teryt-voivodeship-mismatch',
      `TERYT ${d.teryt} lies in ${voivodeshipOfTeryt(d.teryt)}, not ${d.voivodeship}`,
      'voivodeship',
    );
  }
  if (typeOfGminaTeryt(d.teryt) !== d.type) {
    throw invalid(
      'municipality.teryt-type-mismatch',
      `TERYT ${d.teryt} is the code of a ${typeOfGminaTeryt(d.teryt)} gmina, not ${d.type}`,
      'type',
    );
  }
  const typeException =
    d.typeException === undefined || d.typeException === null
      ? null
      : {
          reason: requiredText(
            d.typeException.reason,
            'municipality.type-exception-reason-required',
            'typeException.reason',
            1000,
          ),
        };
  assertVoivodeshipAllowed(d.voivodeship, d.allowedVoivodeships);
  if (!d.tenant.voivodeships.includes(d.voivodeship)) {
    throw invalid(
      'municipality.outside-macroregion',
      `${d.voivodeship} is not a voivodeship of this macroregion (${d.tenant.voivodeships.join(', ')})`,
      'voivodeship',
    );
  }
  if (d.type !== d.tenant.municipalityType && !typeException) {
    throw invalid(
      'municipality.type-mismatch',
      `this macroregion's model is for ${d.tenant.municipalityType} gminas; ${name} is ${d.type}. ` +
        'Give typeException.reason to invite it anyway',
      'type',
    );
  }
  if (d.type === d.tenant.municipalityType && typeException) {
    throw invalid(
      'municipality.type-exception-unneeded',
      `${name} is ${d.type}, the type of this macroregion's model: it needs no type exception`,
      'typeException',
    );
  }
  if (state) throw conflict('municipality.already-invited', `${state.name} was invited on ${state.invitedOn}`, 'teryt');
  assertWithinPeriod(d.period, day);
  return [
    {
      type: 'MunicipalityInvited',
      data: { teryt: d.teryt, name, type: d.type, powiat, voivodeship: d.voivodeship, typeException, invitedOn: day },
    },
  ];
}

/** The gmina a follow-up command is about: invited, in the actor's voivodeships, not withdrawn. */
function active(state: MunicipalityState, d: { teryt: string } & LookedUp): MunicipalityView {
  if (!state) throw notFound('municipality.not-invited', `gmina ${d.teryt} has not been invited`);
  assertVoivodeshipAllowed(state.voivodeship, d.allowedVoivodeships);
  if (state.withdrawal) {
    throw conflict('municipality.withdrawn', `${state.name} withdrew on ${state.withdrawal.withdrawnOn}`);
  }
  return state;
}

function lastStepOn(gmina: MunicipalityView): string {
  return gmina.recruitedOn ?? gmina.agreement?.signedOn ?? gmina.declaredOn ?? gmina.invitedOn;
}

function evolve(state: MunicipalityState, event: MunicipalityEvent): MunicipalityState {
  if (event.type === 'MunicipalityInvited') {
    const { invitedOn, ...rest } = event.data;
    return {
      ...rest,
      powiatTeryt: rest.teryt.slice(0, 4),
      stage: 'invited',
      invitedOn,
      declaredOn: null,
      declarationRef: null,
      agreement: null,
      recruitedOn: null,
      withdrawal: null,
    };
  }
  if (!state) return state;
  switch (event.type) {
    case 'ParticipationDeclared':
      return {
        ...state,
        stage: 'declared',
        declaredOn: event.data.declaredOn,
        declarationRef: event.data.declarationRef,
      };
    case 'CooperationAgreementSigned':
      return {
        ...state,
        stage: 'under-agreement',
        agreement: { signedOn: event.data.signedOn, reference: event.data.agreementRef },
      };
    case 'PilotSiteRecruited':
      return { ...state, stage: 'pilot-site', recruitedOn: event.data.recruitedOn };
    case 'MunicipalityWithdrew':
      return { ...state, withdrawal: { withdrawnOn: event.data.withdrawnOn, reason: event.data.reason } };
  }
}
