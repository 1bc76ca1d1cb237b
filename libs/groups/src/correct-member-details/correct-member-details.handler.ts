import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { CorrectMemberDetailsInput } from '../group/group.commands';
import { GroupCommandShell, type GroupCommandOptions, type GroupCommandResult } from '../shared/run-group-command';

export type CorrectMemberDetailsRequest = CorrectMemberDetailsInput & { readonly groupId: string };

export class CorrectMemberDetailsHandler {
  private readonly shell: GroupCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is when the correction was made; the dates it sets are checked instead. */
  async execute(
    input: CorrectMemberDetailsRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult> {
    const { groupId, ...correction } = input;
    return this.shell.run(
      groupId,
      (facts) => ({ type: 'CorrectMemberDetails', data: { ...correction, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
