import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { ChangeMemberRoleInput } from '../group/group.commands';
import { GroupCommandShell, type GroupCommandOptions, type GroupCommandResult } from '../shared/run-group-command';

export type ChangeMemberRoleRequest = ChangeMemberRoleInput & { readonly groupId: string };

export class ChangeMemberRoleHandler {
  private readonly shell: GroupCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is the first day in the new role. */
  async execute(
    input: ChangeMemberRoleRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult> {
    const { groupId, ...change } = input;
    return this.shell.run(
      groupId,
      (facts) => ({ type: 'ChangeMemberRole', data: { ...change, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
