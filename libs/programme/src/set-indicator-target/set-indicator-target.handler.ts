import type { CommandRunner } from '@kooperacja/platform';
import type { SetIndicatorTargetInput } from '../project/project.decider';
import {
  runProjectCommand,
  type ProgrammeCommandContext,
  type ProgrammeCommandOptions,
  type ProgrammeOutcome,
} from '../programme.handler-support';

export class SetIndicatorTargetHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(
    input: SetIndicatorTargetInput,
    context: ProgrammeCommandContext,
    occurredAt: string,
    options: ProgrammeCommandOptions = {},
  ): Promise<ProgrammeOutcome> {
    const { allowedVoivodeships } = context;
    return runProjectCommand(
      this.runner,
      { type: 'SetIndicatorTarget', data: { ...input, occurredAt, allowedVoivodeships } },
      context,
      occurredAt,
      options,
    );
  }
}
