import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';

export interface RecordCaseTeamMeetingInput extends CaseInput {
  readonly clientPresent: boolean;
  /** How many institutions were represented. */
  readonly institutionsPresent: number;
}

/** Records a case-team meeting (IPW team, GGK, ZZK) under the active plan; `occurredAt` is the meeting day. */
export class RecordCaseTeamMeetingHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: RecordCaseTeamMeetingInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'RecordCaseTeamMeeting',
      data: { ...base, clientPresent: input.clientPresent, institutionsPresent: input.institutionsPresent },
    }));
  }
}
