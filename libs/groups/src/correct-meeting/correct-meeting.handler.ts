import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { CorrectMeetingInput } from '../group/group.commands';
import { GroupCommandShell, type GroupCommandOptions, type GroupCommandResult } from '../shared/run-group-command';

export type CorrectMeetingRequest = CorrectMeetingInput & { readonly groupId: string };

export class CorrectMeetingHandler {
  private readonly shell: GroupCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is when the correction was made; the dates it sets are checked instead. */
  async execute(
    input: CorrectMeetingRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult> {
    const { groupId, ...correction } = input;
    return this.shell.run(
      groupId,
      (facts) => ({ type: 'CorrectMeeting', data: { ...correction, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
