import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { JoinMemberInput } from '../group/group.commands';
import {
  derivedId,
  GroupCommandShell,
  type GroupCommandOptions,
  type GroupCommandResult,
} from '../shared/run-group-command';

/**
 * `personId` is the person's pseudonymous id: send the same one for the same person in every
 * body. Left out, a new one is derived from the command id.
 */
export type JoinMemberRequest = Omit<JoinMemberInput, 'personId'> & {
  readonly groupId: string;
  readonly personId?: string;
};

export class JoinMemberHandler {
  private readonly shell: GroupCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is the joining day. */
  async execute(
    input: JoinMemberRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult & { readonly personId: string }> {
    const { groupId, ...member } = input;
    const personId = member.personId ?? derivedId(context.commandId, 'person');
    const result = await this.shell.run(
      groupId,
      (facts) => ({ type: 'JoinMember', data: { ...member, personId, ...facts } }),
      context,
      occurredAt,
      scope,
    );
    // Reached only once the decider accepted personId as a UUID.
    return { ...result, personId: personId.toLowerCase() };
  }
}
