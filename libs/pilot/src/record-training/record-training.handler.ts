import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { runSiteCommand, type SiteCommandResult, type SiteInput } from '../site/site-command';
import type { TrainingTopic } from '../contracts/vocabulary';

export interface RecordTrainingInput extends SiteInput {
  readonly topic: TrainingTopic;
  readonly hours: number;
  readonly participants: number;
}

/** Records a training held for the staff of a pilot site; `occurredAt` is its (last) day. */
export class RecordTrainingHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {}

  execute(input: RecordTrainingInput, context: CommandContext, occurredAt: string): Promise<SiteCommandResult> {
    const ports = { runner: this.runner, periods: this.periods, tenants: this.tenants };
    return runSiteCommand(ports, input, context, occurredAt, (base) => ({
      type: 'RecordTraining',
      data: { ...base, topic: input.topic, hours: input.hours, participants: input.participants },
    }));
  }
}
