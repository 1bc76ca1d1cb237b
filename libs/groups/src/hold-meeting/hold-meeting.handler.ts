import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { HoldMeetingInput } from '../group/group.commands';
import {
  derivedId,
  GroupCommandShell,
  type GroupCommandOptions,
  type GroupCommandResult,
} from '../shared/run-group-command';

/** `meetingId` may be left out: one is derived from the command id. */
export type HoldMeetingRequest = Omit<HoldMeetingInput, 'meetingId'> & {
  readonly groupId: string;
  readonly meetingId?: string;
};

export class HoldMeetingHandler {
  private readonly shell: GroupCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is the (first) day of the meeting. */
  async execute(
    input: HoldMeetingRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult & { readonly meetingId: string }> {
    const { groupId, ...meeting } = input;
    const meetingId = meeting.meetingId ?? derivedId(context.commandId, 'meeting');
    const result = await this.shell.run(
      groupId,
      (facts) => ({ type: 'HoldMeeting', data: { ...meeting, meetingId, ...facts } }),
      context,
      occurredAt,
      scope,
    );
    // Reached only once the decider accepted meetingId as a UUID.
    return { ...result, meetingId: meetingId.toLowerCase() };
  }
}
