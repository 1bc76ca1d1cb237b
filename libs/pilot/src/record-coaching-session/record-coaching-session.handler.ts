import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { runSiteCommand, type SiteCommandResult, type SiteInput } from '../site/site-command';
import type { CoachingKind } from '../contracts/vocabulary';

export interface RecordCoachingSessionInput extends SiteInput {
  readonly kind: CoachingKind;
  readonly hours: number;
  /** Social workers coached: 1 for individual coaching, 2-50 for a group. */
  readonly socialWorkers: number;
}

/** Records a coaching session for social workers at a pilot site; `occurredAt` is the session day. */
export class RecordCoachingSessionHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {}

  execute(input: RecordCoachingSessionInput, context: CommandContext, occurredAt: string): Promise<SiteCommandResult> {
    const ports = { runner: this.runner, periods: this.periods, tenants: this.tenants };
    return runSiteCommand(ports, input, context, occurredAt, (base) => ({
      type: 'RecordCoachingSession',
      data: { ...base, kind: input.kind, hours: input.hours, socialWorkers: input.socialWorkers },
    }));
  }
}
