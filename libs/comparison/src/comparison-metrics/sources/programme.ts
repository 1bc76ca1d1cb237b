import { fold } from '@kooperacja/platform';
import { BUDGET_LINES, projectDecider, type ProjectEvent, type ProjectView } from '@kooperacja/programme';
import { steps, type Delta } from '../deltas';
import { METRIC } from '../metrics';

/**
 * A tenant's programme stream, kept whole: it is short (tens of events), and a correction may
 * reach back to any fact, so the project is folded again with the programme's own decider.
 */
export interface ProgrammeEntity {
  readonly t: 'programme';
  readonly events: readonly ProjectEvent[];
}

export const newProgramme = (): ProgrammeEntity => ({ t: 'programme', events: [] });

export function evolveProgramme(state: ProgrammeEntity, event: ProjectEvent): ProgrammeEntity {
  return { t: 'programme', events: [...state.events, event] };
}

/** Targets in force and budget lines over business time, corrections applied. */
export function programmeContribution(state: ProgrammeEntity): Delta[] {
  const project = fold(projectDecider, state.events).project;
  return project ? [...targetSteps(project), ...budgetSteps(project)] : [];
}

function targetSteps(project: ProjectView): Delta[] {
  const byIndicator = new Map<string, { on: string; value: number; order: number }[]>();
  project.indicatorTargets.forEach((t, order) => {
    const list = byIndicator.get(t.indicator) ?? [];
    list.push({ on: t.setOn.slice(0, 10), value: Math.round(t.value * 100), order });
    byIndicator.set(t.indicator, list);
  });
  const out: Delta[] = [];
  for (const [indicator, sets] of byIndicator) out.push(...steps(METRIC.target, indicator, byBusinessDay(sets)));
  return out;
}

function budgetSteps(project: ProjectView): Delta[] {
  const changes = [
    { on: project.establishedOn, budget: project.budget.planned },
    ...project.budget.amendments.map((a) => ({ on: a.amendedOn, budget: a.budget })),
  ];
  const out: Delta[] = [];
  for (const line of BUDGET_LINES) {
    const points = changes
      .map((c, order) => ({ on: c.on.slice(0, 10), order, money: c.budget[line] }))
      .filter((p) => p.money !== undefined)
      .map((p) => ({ on: p.on, order: p.order, value: Number(p.money!.grosze) }));
    out.push(...steps(METRIC.budget, line, byBusinessDay(points)));
  }
  return out;
}

/** Later business day wins; on the same day, the later record. */
function byBusinessDay<T extends { on: string; order: number }>(points: T[]): T[] {
  return [...points].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
}
