import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { GroupCommandShell, type GroupCommandOptions, type GroupCommandResult } from '../shared/run-group-command';

export interface DissolveGroupRequest {
  readonly groupId: string;
}

export class DissolveGroupHandler {
  private readonly shell: GroupCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is the body's last day. */
  async execute(
    input: DissolveGroupRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult> {
    return this.shell.run(
      input.groupId,
      (facts) => ({ type: 'DissolveGroup', data: facts }),
      context,
      occurredAt,
      scope,
    );
  }
}
