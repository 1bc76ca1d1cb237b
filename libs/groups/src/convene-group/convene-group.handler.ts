import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import type { ConveneGroupInput } from '../group/group.commands';
import {
  derivedId,
  GroupCommandShell,
  type GroupCommandOptions,
  type GroupCommandResult,
} from '../shared/run-group-command';

/** `groupId` may be left out: one is derived from the command id. */
export type ConveneGroupRequest = Omit<ConveneGroupInput, 'groupId'> & { readonly groupId?: string };

export class ConveneGroupHandler {
  private readonly shell: GroupCommandShell;

  constructor(
    runner: CommandRunner,
    periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is the day the body was convened. */
  async execute(
    input: ConveneGroupRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult> {
    const groupId = input.groupId ?? derivedId(context.commandId, 'group');
    const tenant = await this.tenants.get(context.tenantId);
    return this.shell.run(
      groupId,
      (facts) => ({
        type: 'ConveneGroup',
        data: { ...input, groupId, ...facts, tenantVoivodeships: tenant?.voivodeships ?? null },
      }),
      context,
      occurredAt,
      scope,
    );
  }
}
