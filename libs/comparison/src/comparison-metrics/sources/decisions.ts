import type { DecisionEvent } from '@kooperacja/decisions';
import { dayOf } from '../days';
import { delta, type Delta } from '../deltas';
import { METRIC } from '../metrics';

/** A decision's days and status: never its subject or text. */
export interface DecisionEntity {
  readonly t: 'decision';
  readonly proposedOn: string;
  readonly status: 'proposed' | 'adopted' | 'rejected' | 'revoked';
  /** Day of adoption or rejection. */
  readonly decidedOn?: string;
  readonly revokedOn?: string;
}

export function evolveDecision(state: DecisionEntity | null, event: DecisionEvent): DecisionEntity | null {
  if (event.type === 'DecisionProposed') {
    return { t: 'decision', proposedOn: dayOf(event.data.proposedOn), status: 'proposed' };
  }
  if (!state) return null;
  switch (event.type) {
    case 'DecisionAdopted':
      return { ...state, status: 'adopted', decidedOn: dayOf(event.data.adoptedOn) };
    case 'DecisionRejected':
      return { ...state, status: 'rejected', decidedOn: dayOf(event.data.rejectedOn) };
    case 'DecisionRevoked':
      return { ...state, status: 'revoked', revokedOn: dayOf(event.data.revokedOn) };
    case 'DecisionRecordCorrected':
      return event.data.decidedOn ? { ...state, decidedOn: dayOf(event.data.decidedOn) } : state;
    default:
      return state;
  }
}

/** A revoked decision was adopted all the same: it counts as adopted on its day, and as revoked on its own. */
export function decisionContribution(state: DecisionEntity | null): Delta[] {
  if (!state) return [];
  const out = [delta(METRIC.decisionsProposed, '', state.proposedOn, 1)];
  if (state.decidedOn && (state.status === 'adopted' || state.status === 'revoked')) {
    out.push(delta(METRIC.decisionsAdopted, '', state.decidedOn, 1));
  }
  if (state.decidedOn && state.status === 'rejected') out.push(delta(METRIC.decisionsRejected, '', state.decidedOn, 1));
  if (state.revokedOn) out.push(delta(METRIC.decisionsRevoked, '', state.revokedOn, 1));
  return out;
}
