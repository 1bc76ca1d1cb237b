import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { LeaveGroupInput } from '../group/group.commands';
import { GroupCommandShell, type GroupCommandOptions, type GroupCommandResult } from '../shared/run-group-command';

export type LeaveGroupRequest = LeaveGroupInput & { readonly groupId: string };

export class LeaveGroupHandler {
  private readonly shell: GroupCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is the member's last day in the body. */
  async execute(
    input: LeaveGroupRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult> {
    const { groupId, ...leaving } = input;
    return this.shell.run(
      groupId,
      (facts) => ({ type: 'LeaveGroup', data: { ...leaving, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
