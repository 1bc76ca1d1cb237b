import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { runSiteCommand, type SiteCommandResult, type SiteInput } from '../site/site-command';

export interface ReportPilotOutcomeInput extends SiteInput {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly familiesEnrolled: number;
  readonly plansCompleted: number;
  readonly successes: number;
  /** The document the figures come from, e.g. "Raport z pilotażu, tab. 3". */
  readonly source: string;
}

/** Records a site's pilot outcome for a period, as a report states it; `occurredAt` is the report date. */
export class ReportPilotOutcomeHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {}

  execute(input: ReportPilotOutcomeInput, context: CommandContext, occurredAt: string): Promise<SiteCommandResult> {
    const ports = { runner: this.runner, periods: this.periods, tenants: this.tenants };
    return runSiteCommand(ports, input, context, occurredAt, (base) => ({
      type: 'ReportPilotOutcome',
      data: {
        ...base,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        familiesEnrolled: input.familiesEnrolled,
        plansCompleted: input.plansCompleted,
        successes: input.successes,
        source: input.source,
      },
    }));
  }
}
