import type { DecisionView } from '../contracts/read-model';
import type { DecisionEvent } from './decision.events';

export type DecisionState = { readonly status: 'none' } | DecisionView;

export const initialDecisionState = (): DecisionState => ({ status: 'none' });

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  if (event.type === 'DecisionProposed') {
    return { status: 'proposed', ...event.data, amendments: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DecisionAdopted': {
      const { adoptedOn, effectiveOn, outcome } = event.data;
      return { ...state, status: 'adopted', decidedOn: adoptedOn, effectiveOn, outcome };
    }
    case 'DecisionRejected':
      return { ...state, status: 'rejected', decidedOn: event.data.rejectedOn, outcome: event.data.outcome };
    case 'DecisionAmended': {
      const { amendedOn, text, reason } = event.data;
      return { ...state, text, amendments: [...state.amendments, { amendedOn, text, reason }] };
    }
    case 'DecisionRevoked':
      return { ...state, status: 'revoked', revokedOn: event.data.revokedOn, revocationReason: event.data.reason };
    case 'DecisionRecordCorrected': {
      const { subject, text, decidedOn, effectiveOn, outcome } = event.data;
      const amendments =
        text === undefined || state.amendments.length === 0
          ? state.amendments
          : [...state.amendments.slice(0, -1), { ...state.amendments[state.amendments.length - 1], text }];
      return {
        ...state,
        ...(subject !== undefined ? { subject } : {}),
        ...(text !== undefined ? { text } : {}),
        ...(decidedOn !== undefined ? { decidedOn } : {}),
        ...(effectiveOn !== undefined ? { effectiveOn } : {}),
        ...(outcome !== undefined ? { outcome } : {}),
        amendments,
      };
    }
  }
}
