import type { Correction, ProjectView } from '../contracts/project.view';
import type { FactCorrected, ProjectEvent, ProjectFact } from './project.events';

export interface ProjectState {
  /** Every event of the stream in order, so that the index is the revision a correction points at. */
  readonly log: readonly ProjectEvent[];
  /** The project as its facts tell it, corrections applied; null before the partnership is established. */
  readonly project: ProjectView | null;
}

export const initialProjectState = (): ProjectState => ({ log: [], project: null });

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  const log = [...state.log, event];
  // A correction may reach back to any fact, so the project is folded again from the facts.
  return { log, project: event.type === 'FactCorrected' ? deriveProject(log) : applyFact(state.project, event) };
}

/** Each fact as last corrected, with its revision; facts a correction voided are left out. */
export function effectiveFacts(log: readonly ProjectEvent[]): { revision: number; fact: ProjectFact }[] {
  const latest = new Map<number, FactCorrected['data']>();
  for (const event of log) if (event.type === 'FactCorrected') latest.set(event.data.correctedRevision, event.data);
  const facts: { revision: number; fact: ProjectFact }[] = [];
  log.forEach((event, revision) => {
    if (event.type === 'FactCorrected') return;
    const correction = latest.get(revision);
    if (!correction) facts.push({ revision, fact: event });
    else if (correction.replacement) {
      facts.push({ revision, fact: { type: event.type, data: correction.replacement } as ProjectFact });
    }
  });
  return facts;
}

export function deriveProject(log: readonly ProjectEvent[]): ProjectView | null {
  let project: ProjectView | null = null;
  for (const { fact } of effectiveFacts(log)) project = applyFact(project, fact);
  const corrections = log.filter((e): e is FactCorrected => e.type === 'FactCorrected').map(correctionOf);
  return project && { ...project, corrections };
}

function correctionOf({ data }: FactCorrected): Correction {
  return {
    correctedEventId: data.correctedEventId,
    correctedType: data.correctedType,
    voided: data.replacement === null,
    reason: data.reason,
    correctedOn: data.correctedOn,
  };
}

/** Folds one fact into the project. Lenient: the rules are the decider's. */
export function applyFact(project: ProjectView | null, fact: ProjectFact): ProjectView | null {
  if (fact.type === 'PartnershipEstablished') {
    const d = fact.data;
    return {
      projectTitle: d.projectTitle,
      leadPartnerId: d.leadPartnerId,
      establishedOn: d.establishedOn,
      source: d.source,
      memberships: d.partners.map((partner) => ({
        partner,
        joinedOn: d.establishedOn,
        leftOn: null,
        leftReason: null,
      })),
      schedule: { planned: d.plannedPeriod, current: d.plannedPeriod, amendments: [] },
      budget: { planned: d.budget, current: d.budget, amendments: [] },
      indicatorTargets: [],
      milestones: [],
      modelApprovals: [],
      corrections: project?.corrections ?? [],
    };
  }
  if (!project) return project;
  switch (fact.type) {
    case 'PartnerJoined':
      return {
        ...project,
        memberships: [
          ...project.memberships,
          { partner: fact.data.partner, joinedOn: fact.data.joinedOn, leftOn: null, leftReason: null },
        ],
      };
    case 'PartnerLeft':
      return {
        ...project,
        memberships: project.memberships.map((m) =>
          m.partner.partnerId === fact.data.partnerId && m.leftOn === null
            ? { ...m, leftOn: fact.data.leftOn, leftReason: fact.data.reason }
            : m,
        ),
      };
    case 'BudgetAmended':
      return {
        ...project,
        budget: {
          ...project.budget,
          current: { ...project.budget.current, ...fact.data.budget },
          amendments: [...project.budget.amendments, fact.data],
        },
      };
    case 'ScheduleAmended':
      return {
        ...project,
        schedule: {
          ...project.schedule,
          current: fact.data.period,
          amendments: [...project.schedule.amendments, fact.data],
        },
      };
    case 'IndicatorTargetSet':
      return { ...project, indicatorTargets: [...project.indicatorTargets, fact.data] };
    case 'MilestoneCompleted':
      return {
        ...project,
        milestones: [...project.milestones, fact.data].sort((a, b) => a.milestone - b.milestone),
      };
    case 'ModelVersionApproved':
      return { ...project, modelApprovals: [...project.modelApprovals, fact.data] };
  }
}
