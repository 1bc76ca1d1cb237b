import { assertWithinPeriod, conflict, invalid, notFound, type Command, type Decider } from '@kooperacja/platform';
import { isPowiatTeryt } from '../contracts/teryt';
import type { PowiatView } from '../contracts/territory.view';
import { isVoivodeship, voivodeshipOfTeryt } from '../contracts/voivodeships';
import {
  assertNotBefore,
  assertVoivodeshipAllowed,
  businessDay,
  requiredText,
  type LookedUp,
} from '../territory.rules';
import type { PowiatEvent } from './powiat.events';

export interface InvitePowiatInput {
  readonly teryt: string;
  /** e.g. 'kartuski' */
  readonly name: string;
  readonly voivodeship: string;
}
export interface SignPowiatAgreementInput {
  readonly teryt: string;
  readonly agreementRef: string;
}

export type PowiatCommand =
  | Command<'InvitePowiat', InvitePowiatInput & LookedUp & { tenant: { voivodeships: readonly string[] } }>
  | Command<'SignPowiatAgreement', SignPowiatAgreementInput & LookedUp>;

/** The powiat, or null before it is invited. */
export type PowiatState = PowiatView | null;

export const powiatDecider: Decider<PowiatState, PowiatCommand, PowiatEvent> = {
  initialState: () => null,
  evolve(state, event) {
    switch (event.type) {
      case 'PowiatInvited': {
        const { teryt, name, voivodeship, invitedOn } = event.data;
        return { teryt, name, voivodeship, invitedOn, agreement: null };
      }
      case 'PowiatAgreementSigned':
        return state && { ...state, agreement: { signedOn: event.data.signedOn, reference: event.data.agreementRef } };
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'InvitePowiat': {
        const d = command.data;
        const day = businessDay(d.occurredAt);
        if (!isPowiatTeryt(d.teryt)) {
          throw invalid('powiat.teryt-invalid', 'teryt must be a powiat TERYT code: 4 digits', 'teryt');
        }
        const name = requiredText(d.name, 'powiat.name-required', 'name');
        if (!isVoivodeship(d.voivodeship)) {
          throw invalid('voivodeship.unknown', `unknown voivodeship ${d.voivodeship}`, 'voivodeship');
        }
        if (voivodeshipOfTeryt(d.teryt) !== d.voivodeship) {
          throw invalid(
            'powiat.teryt-voivodeship-mismatch',
            `TERYT ${d.teryt} lies in ${voivodeshipOfTeryt(d.teryt)}, not ${d.voivodeship}`,
            'voivodeship',
          );
        }
        assertVoivodeshipAllowed(d.voivodeship, d.allowedVoivodeships);
        if (!d.tenant.voivodeships.includes(d.voivodeship)) {
          throw invalid(
            'powiat.outside-macroregion',
            `${d.voivodeship} is not a voivodeship of this macroregion (${d.tenant.voivodeships.join(', ')})`,
            'voivodeship',
          );
        }
        if (state)
          throw conflict('powiat.already-invited', `powiat ${state.name} was invited on ${state.invitedOn}`, 'teryt');
        assertWithinPeriod(d.period, day);
        return [{ type: 'PowiatInvited', data: { teryt: d.teryt, name, voivodeship: d.voivodeship, invitedOn: day } }];
      }
      case 'SignPowiatAgreement': {
        const d = command.data;
        const day = businessDay(d.occurredAt);
        const agreementRef = requiredText(d.agreementRef, 'agreement.reference-required', 'agreementRef');
        if (!state) throw notFound('powiat.not-invited', `powiat ${d.teryt} has not been invited`);
        assertVoivodeshipAllowed(state.voivodeship, d.allowedVoivodeships);
        if (state.agreement) {
          throw conflict('powiat.already-signed', `powiat ${state.name} signed agreement ${state.agreement.reference}`);
        }
        assertWithinPeriod(d.period, day);
        assertNotBefore(day, state.invitedOn, 'invitation');
        return [{ type: 'PowiatAgreementSigned', data: { teryt: state.teryt, signedOn: day, agreementRef } }];
      }
    }
  },
};
