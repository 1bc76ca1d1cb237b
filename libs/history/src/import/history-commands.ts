import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import {
  AdoptDecisionHandler,
  AmendDecisionHandler,
  CorrectDecisionRecordHandler,
  ProposeDecisionHandler,
  RejectDecisionHandler,
  RevokeDecisionHandler,
} from '@kooperacja/decisions';
import {
  ChangeMemberRoleHandler,
  ConveneGroupHandler,
  CorrectGroupDetailsHandler,
  CorrectMeetingHandler,
  CorrectMemberDetailsHandler,
  DissolveGroupHandler,
  HoldMeetingHandler,
  JoinMemberHandler,
  LeaveGroupHandler,
  type GroupsFacade,
} from '@kooperacja/groups';
import {
  AgreeIndividualPlanHandler,
  CloseCaseHandler,
  CompleteDiagnosisHandler,
  CompletePlanHandler,
  CorrectCaseFactHandler,
  EnrolCaseHandler,
  RecordCaseTeamMeetingHandler,
  RecordCoachingSessionHandler,
  RecordSupervisionSessionHandler,
  RecordSupportDeliveryHandler,
  RecordTrainingHandler,
  ReportPilotOutcomeHandler,
  ReviewPlanHandler,
} from '@kooperacja/pilot';
import {
  AmendBudgetHandler,
  AmendScheduleHandler,
  ApproveModelVersionHandler,
  CompleteMilestoneHandler,
  CorrectFactHandler,
  EstablishPartnershipHandler,
  JoinPartnershipHandler,
  LeavePartnershipHandler,
  SetIndicatorTargetHandler,
} from '@kooperacja/programme';
import {
  DeclareParticipationHandler,
  InviteMunicipalityHandler,
  InvitePowiatHandler,
  RecruitPilotSiteHandler,
  SignCooperationAgreementHandler,
  SignPowiatAgreementHandler,
  WithdrawMunicipalityHandler,
} from '@kooperacja/territory';

/** What the handlers need: the same ports the API gives them. */
export interface HistoryPorts {
  readonly runner: CommandRunner;
  readonly periods: ProjectPeriodLookup;
  readonly tenants: TenantDirectory;
  readonly groups: GroupsFacade;
}

/** Runs one command through its context's handler. `data` comes from a file: checked at run time. */
export type Dispatcher = (
  data: Readonly<Record<string, unknown>>,
  context: CommandContext,
  at: string,
) => Promise<unknown>;

export interface HistoryCommandDefinition {
  /** Fields of `data` the command needs (see the context's README for what each means). */
  readonly required: readonly string[];
  readonly optional: readonly string[];
  readonly build: (ports: HistoryPorts) => Dispatcher;
}

/** The handler's own input type is what `data` is read as; the handler checks it at run time. */
function command<I>(
  required: readonly string[],
  optional: readonly string[],
  build: (ports: HistoryPorts) => (input: I, context: CommandContext, at: string) => Promise<unknown>,
): HistoryCommandDefinition {
  return {
    required,
    optional,
    build: (ports) => {
      const run = build(ports);
      return (data, context, at) => run(data as unknown as I, context, at);
    },
  };
}

type Input<H extends { execute: (input: never, ...rest: never[]) => unknown }> = Parameters<H['execute']>[0];

/**
 * Every command a history file may name, `<context>.<command>`, with the handler it goes to.
 * The importer calls exactly the handlers the API calls, with the same inputs.
 */
export const HISTORY_COMMANDS = {
  'programme.establish-partnership': command<Input<EstablishPartnershipHandler>>(
    ['projectTitle', 'leadPartnerId', 'partners', 'plannedPeriod', 'budget'],
    ['source'],
    (p) => {
      const h = new EstablishPartnershipHandler(p.runner);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'programme.join-partnership': command<Input<JoinPartnershipHandler>>(['partner'], ['source'], (p) => {
    const h = new JoinPartnershipHandler(p.runner);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'programme.leave-partnership': command<Input<LeavePartnershipHandler>>(['partnerId'], ['reason', 'source'], (p) => {
    const h = new LeavePartnershipHandler(p.runner);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'programme.amend-budget': command<Input<AmendBudgetHandler>>(['budget', 'source'], [], (p) => {
    const h = new AmendBudgetHandler(p.runner);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'programme.amend-schedule': command<Input<AmendScheduleHandler>>(['period', 'source'], [], (p) => {
    const h = new AmendScheduleHandler(p.runner);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'programme.set-indicator-target': command<Input<SetIndicatorTargetHandler>>(
    ['indicator', 'value', 'unit', 'source'],
    [],
    (p) => {
      const h = new SetIndicatorTargetHandler(p.runner);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'programme.complete-milestone': command<Input<CompleteMilestoneHandler>>(['milestone'], ['source'], (p) => {
    const h = new CompleteMilestoneHandler(p.runner);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'programme.approve-model-version': command<Input<ApproveModelVersionHandler>>(
    ['version', 'approvedBy', 'ministryOpinion'],
    ['source'],
    (p) => {
      const h = new ApproveModelVersionHandler(p.runner);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'programme.correct-fact': command<Input<CorrectFactHandler>>(['correctedEventId', 'reason'], ['replacement'], (p) => {
    const h = new CorrectFactHandler(p.runner);
    return (i, c, at) => h.execute(i, c, at);
  }),

  'territory.invite-municipality': command<Input<InviteMunicipalityHandler>>(
    ['teryt', 'name', 'type', 'powiat', 'voivodeship'],
    ['typeException'],
    (p) => {
      const h = new InviteMunicipalityHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'territory.declare-participation': command<Input<DeclareParticipationHandler>>(['teryt'], ['declarationRef'], (p) => {
    const h = new DeclareParticipationHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'territory.sign-cooperation-agreement': command<Input<SignCooperationAgreementHandler>>(
    ['teryt', 'agreementRef'],
    [],
    (p) => {
      const h = new SignCooperationAgreementHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'territory.withdraw-municipality': command<Input<WithdrawMunicipalityHandler>>(['teryt', 'reason'], [], (p) => {
    const h = new WithdrawMunicipalityHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'territory.recruit-pilot-site': command<Input<RecruitPilotSiteHandler>>(['teryt'], [], (p) => {
    const h = new RecruitPilotSiteHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'territory.invite-powiat': command<Input<InvitePowiatHandler>>(['teryt', 'name', 'voivodeship'], [], (p) => {
    const h = new InvitePowiatHandler(p.runner, p.periods, p.tenants);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'territory.sign-powiat-agreement': command<Input<SignPowiatAgreementHandler>>(['teryt', 'agreementRef'], [], (p) => {
    const h = new SignPowiatAgreementHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),

  'groups.convene-group': command<Input<ConveneGroupHandler>>(
    ['kind', 'level', 'territory', 'name'],
    ['groupId', 'label'],
    (p) => {
      const h = new ConveneGroupHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'groups.join-member': command<Input<JoinMemberHandler>>(
    ['groupId', 'role'],
    ['personId', 'fullName', 'email', 'phone', 'institution', 'sector', 'caseId'],
    (p) => {
      const h = new JoinMemberHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'groups.leave-group': command<Input<LeaveGroupHandler>>(['groupId', 'personId', 'reason'], ['note'], (p) => {
    const h = new LeaveGroupHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'groups.change-member-role': command<Input<ChangeMemberRoleHandler>>(['groupId', 'personId', 'role'], [], (p) => {
    const h = new ChangeMemberRoleHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'groups.hold-meeting': command<Input<HoldMeetingHandler>>(
    ['groupId', 'days', 'attendance'],
    ['meetingId', 'clientPresent'],
    (p) => {
      const h = new HoldMeetingHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'groups.dissolve-group': command<Input<DissolveGroupHandler>>(['groupId'], [], (p) => {
    const h = new DissolveGroupHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'groups.correct-group-details': command<Input<CorrectGroupDetailsHandler>>(
    ['groupId', 'reason'],
    ['name', 'kind', 'label', 'level', 'territory', 'convenedOn'],
    (p) => {
      const h = new CorrectGroupDetailsHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'groups.correct-member-details': command<Input<CorrectMemberDetailsHandler>>(
    ['groupId', 'personId', 'membershipJoinedOn', 'reason'],
    ['fullName', 'email', 'phone', 'institution', 'sector', 'joinedOn'],
    (p) => {
      const h = new CorrectMemberDetailsHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'groups.correct-meeting': command<Input<CorrectMeetingHandler>>(
    ['groupId', 'meetingId', 'reason'],
    ['heldOn', 'days', 'attendance', 'clientPresent'],
    (p) => {
      const h = new CorrectMeetingHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),

  'decisions.propose-decision': command<Input<ProposeDecisionHandler>>(
    ['groupId', 'subject', 'text'],
    ['decisionId'],
    (p) => {
      const h = new ProposeDecisionHandler(p.runner, p.periods, p.groups);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'decisions.adopt-decision': command<Input<AdoptDecisionHandler>>(['decisionId', 'outcome'], ['effectiveOn'], (p) => {
    const h = new AdoptDecisionHandler(p.runner, p.periods, p.groups);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'decisions.reject-decision': command<Input<RejectDecisionHandler>>(['decisionId', 'outcome'], [], (p) => {
    const h = new RejectDecisionHandler(p.runner, p.periods, p.groups);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'decisions.amend-decision': command<Input<AmendDecisionHandler>>(['decisionId', 'text', 'reason'], [], (p) => {
    const h = new AmendDecisionHandler(p.runner, p.periods, p.groups);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'decisions.revoke-decision': command<Input<RevokeDecisionHandler>>(['decisionId', 'reason'], [], (p) => {
    const h = new RevokeDecisionHandler(p.runner, p.periods, p.groups);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'decisions.correct-decision-record': command<Input<CorrectDecisionRecordHandler>>(
    ['decisionId', 'reason'],
    ['subject', 'text', 'decidedOn', 'effectiveOn', 'outcome'],
    (p) => {
      const h = new CorrectDecisionRecordHandler(p.runner, p.periods, p.groups);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),

  'pilot.enrol-case': command<Input<EnrolCaseHandler>>(
    ['caseId', 'siteTeryt', 'householdSize', 'caseUnit'],
    [],
    (p) => {
      const h = new EnrolCaseHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'pilot.complete-diagnosis': command<Input<CompleteDiagnosisHandler>>(['caseId', 'areas'], [], (p) => {
    const h = new CompleteDiagnosisHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'pilot.agree-individual-plan': command<Input<AgreeIndividualPlanHandler>>(
    ['caseId', 'planType', 'goals', 'responsibleInstitutions'],
    ['diagnosisWaiver'],
    (p) => {
      const h = new AgreeIndividualPlanHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'pilot.record-case-team-meeting': command<Input<RecordCaseTeamMeetingHandler>>(
    ['caseId', 'clientPresent', 'institutionsPresent'],
    [],
    (p) => {
      const h = new RecordCaseTeamMeetingHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'pilot.record-support-delivery': command<Input<RecordSupportDeliveryHandler>>(
    ['caseId', 'kind', 'hours'],
    [],
    (p) => {
      const h = new RecordSupportDeliveryHandler(p.runner, p.periods);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'pilot.review-plan': command<Input<ReviewPlanHandler>>(['caseId', 'progress'], [], (p) => {
    const h = new ReviewPlanHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'pilot.complete-plan': command<Input<CompletePlanHandler>>(['caseId', 'outcome'], [], (p) => {
    const h = new CompletePlanHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'pilot.close-case': command<Input<CloseCaseHandler>>(['caseId', 'reason'], [], (p) => {
    const h = new CloseCaseHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'pilot.correct-case-fact': command<Input<CorrectCaseFactHandler>>(['caseId', 'reason', 'correction'], [], (p) => {
    const h = new CorrectCaseFactHandler(p.runner, p.periods);
    return (i, c, at) => h.execute(i, c, at);
  }),
  'pilot.record-coaching-session': command<Input<RecordCoachingSessionHandler>>(
    ['teryt', 'kind', 'hours', 'socialWorkers'],
    [],
    (p) => {
      const h = new RecordCoachingSessionHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'pilot.record-supervision-session': command<Input<RecordSupervisionSessionHandler>>(
    ['teryt', 'caseTeamId', 'hours', 'participants'],
    [],
    (p) => {
      const h = new RecordSupervisionSessionHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'pilot.record-training': command<Input<RecordTrainingHandler>>(
    ['teryt', 'topic', 'hours', 'participants'],
    [],
    (p) => {
      const h = new RecordTrainingHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
  'pilot.report-pilot-outcome': command<Input<ReportPilotOutcomeHandler>>(
    ['teryt', 'periodStart', 'periodEnd', 'familiesEnrolled', 'plansCompleted', 'successes', 'source'],
    [],
    (p) => {
      const h = new ReportPilotOutcomeHandler(p.runner, p.periods, p.tenants);
      return (i, c, at) => h.execute(i, c, at);
    },
  ),
} as const satisfies Record<string, HistoryCommandDefinition>;

export type HistoryCommandName = keyof typeof HISTORY_COMMANDS;

export const HISTORY_COMMAND_NAMES = Object.keys(HISTORY_COMMANDS) as HistoryCommandName[];

export function isHistoryCommand(name: unknown): name is HistoryCommandName {
  return typeof name === 'string' && Object.hasOwn(HISTORY_COMMANDS, name);
}

/** One dispatcher per command, over the given ports. */
export function dispatchersFor(ports: HistoryPorts): Record<HistoryCommandName, Dispatcher> {
  return Object.fromEntries(HISTORY_COMMAND_NAMES.map((name) => [name, HISTORY_COMMANDS[name].build(ports)])) as Record<
    HistoryCommandName,
    Dispatcher
  >;
}
