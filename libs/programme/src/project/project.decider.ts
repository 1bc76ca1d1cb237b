import {
  assertWithinPeriod,
  conflict,
  DomainError,
  invalid,
  normaliseVoivodeship,
  notFound,
  VOIVODESHIP_FORBIDDEN,
  type Command,
  type Decider,
  type ProjectPeriod,
} from '@kooperacja/platform';
import type { IndicatorCode, IndicatorUnit } from '../contracts/indicators';
import type { Budget } from '../contracts/money';
import { currentPartners, type MinistryOpinion, type Partner, type ProjectView } from '../contracts/project.view';
import type { FactCorrected, ProjectEvent, ProjectFact } from './project.events';
import { applyFact, effectiveFacts, evolveProject, initialProjectState, type ProjectState } from './project.state';
import { assertEuShareWithinTotal, businessDay, dayOf, text, validateFact } from './project.validation';

export interface EstablishPartnershipInput {
  readonly projectTitle: string;
  readonly leadPartnerId: string;
  /** Every partner, the lead included. */
  readonly partners: readonly Partner[];
  readonly plannedPeriod: ProjectPeriod;
  readonly budget: Budget;
  readonly source?: string | null;
}
export interface JoinPartnershipInput {
  readonly partner: Partner;
  readonly source?: string | null;
}
export interface LeavePartnershipInput {
  readonly partnerId: string;
  readonly reason?: string | null;
  readonly source?: string | null;
}
export interface AmendBudgetInput {
  /** Only the lines that change; the others keep their amounts. */
  readonly budget: Budget;
  /** The document the amendment comes from, e.g. 'aneks nr 3' or 'seed 000'. */
  readonly source: string;
}
export interface AmendScheduleInput {
  readonly period: ProjectPeriod;
  readonly source: string;
}
export interface SetIndicatorTargetInput {
  readonly indicator: IndicatorCode;
  readonly value: number;
  readonly unit: IndicatorUnit;
  readonly source: string;
}
export interface CompleteMilestoneInput {
  readonly milestone: number;
  readonly source?: string | null;
}
export interface ApproveModelVersionInput {
  readonly version: string;
  readonly approvedBy: string;
  readonly ministryOpinion: MinistryOpinion;
  readonly source?: string | null;
}
export interface CorrectFactInput {
  readonly correctedEventId: string;
  readonly reason: string;
  /** The data the fact should have had (same type); null or absent when it did not happen at all. */
  readonly replacement?: ProjectFact['data'] | null;
}

type Dated = {
  /** Business time of the fact (ISO date or date-time). */
  readonly occurredAt: string;
  /**
   * Voivodeships a tenant-editor's token covers; absent for actors not limited to some. A fact
   * about partners (establishing, joining, leaving) must lie wholly inside them; facts of the whole
   * project (budget, schedule, targets, milestones, approvals) name no voivodeship and pass.
   */
  readonly allowedVoivodeships?: readonly string[];
};

export type ProjectCommand =
  | Command<'EstablishPartnership', EstablishPartnershipInput & Dated>
  | Command<'JoinPartnership', JoinPartnershipInput & Dated>
  | Command<'LeavePartnership', LeavePartnershipInput & Dated>
  | Command<'AmendBudget', AmendBudgetInput & Dated>
  | Command<'AmendSchedule', AmendScheduleInput & Dated>
  | Command<'SetIndicatorTarget', SetIndicatorTargetInput & Dated>
  | Command<'CompleteMilestone', CompleteMilestoneInput & Dated>
  | Command<'ApproveModelVersion', ApproveModelVersionInput & Dated>
  | Command<
      'CorrectFact',
      CorrectFactInput &
        Dated & {
          /** Where the handler found `correctedEventId` in the stream. */
          readonly target: { readonly revision: number; readonly type: string };
        }
    >;

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide(command, state) {
    if (command.type === 'CorrectFact') return [correct(command.data, state)];
    const fact = factOf(command);
    assertInScope(state.project, fact, command.data.allowedVoivodeships);
    checkFact(state.project, fact);
    return [fact];
  },
};

/** The fact a command states, its input checked. */
function factOf(command: Exclude<ProjectCommand, { type: 'CorrectFact' }>): ProjectFact {
  const day = businessDay(command.data.occurredAt, 'occurredAt');
  switch (command.type) {
    case 'EstablishPartnership':
      return {
        type: 'PartnershipEstablished',
        data: validateFact.PartnershipEstablished({ ...command.data, establishedOn: day }, ''),
      };
    case 'JoinPartnership':
      return { type: 'PartnerJoined', data: validateFact.PartnerJoined({ ...command.data, joinedOn: day }, '') };
    case 'LeavePartnership':
      return { type: 'PartnerLeft', data: validateFact.PartnerLeft({ ...command.data, leftOn: day }, '') };
    case 'AmendBudget':
      return { type: 'BudgetAmended', data: validateFact.BudgetAmended({ ...command.data, amendedOn: day }, '') };
    case 'AmendSchedule':
      return { type: 'ScheduleAmended', data: validateFact.ScheduleAmended({ ...command.data, amendedOn: day }, '') };
    case 'SetIndicatorTarget':
      return {
        type: 'IndicatorTargetSet',
        data: validateFact.IndicatorTargetSet({ ...command.data, setOn: day }, ''),
      };
    case 'CompleteMilestone':
      return {
        type: 'MilestoneCompleted',
        data: validateFact.MilestoneCompleted({ ...command.data, completedOn: day }, ''),
      };
    case 'ApproveModelVersion':
      return {
        type: 'ModelVersionApproved',
        data: validateFact.ModelVersionApproved({ ...command.data, approvedOn: day }, ''),
      };
  }
}

/** A tenant-editor records partner facts only inside the voivodeships of its token (403 by the API). */
function assertInScope(project: ProjectView | null, fact: ProjectFact, allowed: readonly string[] | undefined): void {
  if (allowed === undefined) return;
  const covered = new Set(allowed.map(normaliseVoivodeship));
  const check = (voivodeships: readonly string[], field: string) => {
    const outside = voivodeships.filter((v) => !covered.has(normaliseVoivodeship(v)));
    if (outside.length > 0) {
      throw invalid(VOIVODESHIP_FORBIDDEN, `your token does not cover voivodeship ${outside.join(', ')}`, field);
    }
  };
  switch (fact.type) {
    case 'PartnershipEstablished':
      fact.data.partners.forEach((p, i) => check(p.voivodeships, `partners[${i}].voivodeships`));
      return;
    case 'PartnerJoined':
      check(fact.data.partner.voivodeships, 'partner.voivodeships');
      return;
    case 'PartnerLeft': {
      // An unknown partner is the state rules' refusal (partner.not-in), not a matter of scope.
      const leaving = project && currentPartners(project).find((p) => p.partnerId === fact.data.partnerId);
      if (leaving) check(leaving.voivodeships, 'partnerId');
      return;
    }
  }
}

/**
 * The rules a fact must keep against the project as it stands before it. Fields are named as in
 * the command (the fact's day is 'occurredAt').
 */
function checkFact(project: ProjectView | null, fact: ProjectFact): void {
  if (fact.type === 'PartnershipEstablished') {
    if (project)
      throw conflict('project.already-established', `the partnership was established on ${project.establishedOn}`);
    return;
  }
  if (!project) throw notFound('project.not-established', 'the partnership of this project has not been established');
  // The partnership's own date is not checked: it may be signed before the project starts.
  assertWithinPeriod(project.schedule.current, dayOf(fact).day, 'occurredAt');
  switch (fact.type) {
    case 'PartnerJoined': {
      const id = fact.data.partner.partnerId;
      if (currentPartners(project).some((p) => p.partnerId === id)) {
        throw conflict('partner.already-in', `${id} is already a partner`, 'partner.partnerId');
      }
      return;
    }
    case 'PartnerLeft': {
      const id = fact.data.partnerId;
      if (id === project.leadPartnerId) {
        throw conflict('partner.lead-cannot-leave', `${id} leads the partnership and cannot leave it`, 'partnerId');
      }
      if (!currentPartners(project).some((p) => p.partnerId === id)) {
        throw conflict('partner.not-in', `${id} is not a partner`, 'partnerId');
      }
      return;
    }
    case 'BudgetAmended':
      assertEuShareWithinTotal({ ...project.budget.current, ...fact.data.budget }, 'budget', 'conflict');
      return;
    case 'MilestoneCompleted': {
      const done = project.milestones.find((m) => m.milestone === fact.data.milestone);
      if (done) {
        throw conflict(
          'milestone.already-completed',
          `milestone ${done.milestone} was completed on ${done.completedOn}`,
          'milestone',
        );
      }
      return;
    }
    case 'ModelVersionApproved': {
      const approved = project.modelApprovals.find((a) => a.version === fact.data.version);
      if (approved) {
        throw conflict(
          'model-version.already-approved',
          `version ${approved.version} was approved by ${approved.approvedBy} on ${approved.approvedOn}`,
          'version',
        );
      }
      return;
    }
  }
}

function correct(d: Extract<ProjectCommand, { type: 'CorrectFact' }>['data'], state: ProjectState): FactCorrected {
  const day = businessDay(d.occurredAt, 'occurredAt');
  const reason = text(d.reason, 'correction.reason-required', 'reason', 1000);
  if (!state.project)
    throw notFound('project.not-established', 'the partnership of this project has not been established');
  const target = state.log[d.target.revision];
  if (!target || target.type !== d.target.type) {
    throw notFound('correction.event-not-found', `event ${d.correctedEventId} is not in this project's stream`);
  }
  if (target.type === 'FactCorrected') {
    throw conflict(
      'correction.not-correctable',
      'a correction is not corrected; correct the original fact again',
      'correctedEventId',
    );
  }
  if ((d.replacement === undefined || d.replacement === null) && target.type === 'PartnershipEstablished') {
    throw invalid(
      'correction.cannot-void-establishment',
      'the partnership cannot be voided, only corrected with a replacement',
      'replacement',
    );
  }
  const replacement =
    d.replacement === undefined || d.replacement === null
      ? null
      : (validateFact[target.type] as (data: unknown, p: string) => ProjectFact['data'])(d.replacement, 'replacement.');
  const correction: FactCorrected = {
    type: 'FactCorrected',
    data: {
      correctedEventId: d.correctedEventId,
      correctedRevision: d.target.revision,
      correctedType: target.type,
      reason,
      replacement,
      correctedOn: day,
    },
  };
  assertStillConsistent([...state.log, correction], d.target.revision);
  return correction;
}

/**
 * Replays the facts from the corrected one on, each against the project as it stood before it,
 * as when it was recorded: a correction may not make its replacement or a later fact break a rule.
 */
function assertStillConsistent(log: readonly ProjectEvent[], from: number): void {
  let project: ProjectView | null = null;
  for (const { revision, fact } of effectiveFacts(log)) {
    if (revision >= from) {
      try {
        checkFact(project, fact);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (revision === from) {
          const field = error.field === 'occurredAt' ? dayOf(fact).field : error.field;
          throw new DomainError(error.kind, error.code, error.message, field && `replacement.${field}`);
        }
        throw conflict(
          'correction.contradicts-later-fact',
          `after this correction the ${fact.type} at revision ${revision} would be refused: ${error.message}`,
          'correctedEventId',
        );
      }
    }
    project = applyFact(project, fact);
  }
}
