import type { CaseEvent } from '@kooperacja/pilot';
import { dayOf } from '../days';
import { delta, type Delta } from '../deltas';
import { METRIC } from '../metrics';
import type { CaseMarks } from './jst';

/** A pilot case as counts need it: its site, days, plans and meetings; no goals, labels or ids of people. */
export interface CaseEntity {
  readonly t: 'case';
  /** TERYT code of the pilot site. */
  readonly site: string;
  readonly enrolledOn: string;
  readonly householdSize: number;
  readonly plans: Readonly<
    Record<
      string,
      { readonly type: string; readonly agreedOn: string; readonly completedOn?: string; readonly outcome?: string }
    >
  >;
  /** Day of each meeting not voided, by meeting number. */
  readonly meetings: Readonly<Record<string, string>>;
}

export function evolveCase(state: CaseEntity | null, event: CaseEvent): CaseEntity | null {
  if (event.type === 'CaseEnrolled') {
    const d = event.data;
    return {
      t: 'case',
      site: d.siteTeryt,
      enrolledOn: dayOf(d.enrolledOn),
      householdSize: d.householdSize,
      plans: {},
      meetings: {},
    };
  }
  if (!state) return null;
  switch (event.type) {
    case 'IndividualPlanAgreed': {
      const d = event.data;
      return { ...state, plans: { ...state.plans, [d.planNo]: { type: d.planType, agreedOn: dayOf(d.agreedOn) } } };
    }
    case 'CaseTeamMeetingHeld':
      return { ...state, meetings: { ...state.meetings, [event.data.meetingNo]: dayOf(event.data.heldOn) } };
    case 'PlanCompleted': {
      const d = event.data;
      const plan = state.plans[d.planNo];
      if (!plan) return state;
      return {
        ...state,
        plans: { ...state.plans, [d.planNo]: { ...plan, completedOn: dayOf(d.completedOn), outcome: d.outcome } },
      };
    }
    case 'CaseFactCorrected': {
      const c = event.data.correction;
      switch (c.fact) {
        case 'household-size':
          return { ...state, householdSize: c.householdSize };
        case 'enrolment-date':
          return { ...state, enrolledOn: dayOf(c.enrolledOn) };
        case 'plan-outcome': {
          const plan = state.plans[c.planNo];
          return plan ? { ...state, plans: { ...state.plans, [c.planNo]: { ...plan, outcome: c.outcome } } } : state;
        }
        case 'meeting-voided': {
          const meetings = { ...state.meetings };
          delete meetings[c.meetingNo];
          return { ...state, meetings };
        }
        default:
          return state;
      }
    }
    default:
      return state;
  }
}

export function caseContribution(state: CaseEntity | null): Delta[] {
  if (!state) return [];
  const out = [delta(METRIC.casesEnrolled, '', state.enrolledOn, 1, state.householdSize * 100)];
  for (const plan of Object.values(state.plans)) {
    out.push(delta(METRIC.plansAgreed, plan.type, plan.agreedOn, 1));
    if (plan.completedOn && plan.outcome) out.push(delta(METRIC.plansCompleted, plan.outcome, plan.completedOn, 1));
  }
  for (const on of Object.values(state.meetings)) out.push(delta(METRIC.caseTeamMeetings, '', on, 1));
  return out;
}

/** What the case tells its site (see `moveCaseMarks`). */
export function caseMarks(state: CaseEntity | null): CaseMarks | null {
  if (!state) return null;
  const days = Object.values(state.meetings).sort();
  return { enrolledOn: state.enrolledOn, firstMeetingOn: days[0] ?? null };
}
