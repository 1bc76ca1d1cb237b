import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { runSiteCommand, type SiteCommandResult, type SiteInput } from '../site/site-command';

export interface RecordSupervisionSessionInput extends SiteInput {
  /** The case team (GGK/ZZK) supervised: its uuid in the groups context or a code. */
  readonly caseTeamId: string;
  readonly hours: number;
  readonly participants: number;
}

/** Records a supervision session of a case team at a pilot site; `occurredAt` is the session day. */
export class RecordSupervisionSessionHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {}

  execute(
    input: RecordSupervisionSessionInput,
    context: CommandContext,
    occurredAt: string,
  ): Promise<SiteCommandResult> {
    const ports = { runner: this.runner, periods: this.periods, tenants: this.tenants };
    return runSiteCommand(ports, input, context, occurredAt, (base) => ({
      type: 'RecordSupervisionSession',
      data: { ...base, caseTeamId: input.caseTeamId, hours: input.hours, participants: input.participants },
    }));
  }
}
