import { invalid } from './decider';

/** The period a tenant's project runs, after every schedule amendment. */
export interface ProjectPeriod {
  /** ISO date, inclusive. */
  readonly start: string;
  /** ISO date, inclusive. */
  readonly end: string;
}

/** Implemented by the programme context; other contexts' handlers ask it before deciding. */
export interface ProjectPeriodLookup {
  periodOf(tenantId: string): Promise<ProjectPeriod | null>;
}

/**
 * Refuses a business date outside the project's period. With no period recorded yet (the
 * partnership is not established) there is nothing to check against, so the date passes.
 */
export function assertWithinPeriod(period: ProjectPeriod | null | undefined, occurredAt: string, field = 'occurredAt') {
  if (!period) return;
  const day = occurredAt.slice(0, 10);
  if (day < period.start || day > period.end) {
    throw invalid(
      'fact.outside-project-period',
      `${field} ${day} is outside the project period ${period.start} – ${period.end}; amend the schedule first`,
      field,
    );
  }
}
