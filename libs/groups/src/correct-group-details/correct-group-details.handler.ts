import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import type { CorrectGroupDetailsInput } from '../group/group.commands';
import { GroupCommandShell, type GroupCommandOptions, type GroupCommandResult } from '../shared/run-group-command';

export type CorrectGroupDetailsRequest = CorrectGroupDetailsInput & { readonly groupId: string };

export class CorrectGroupDetailsHandler {
  private readonly shell: GroupCommandShell;

  constructor(
    runner: CommandRunner,
    periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {
    this.shell = new GroupCommandShell(runner, periods);
  }

  /** `occurredAt` is when the correction was made; the dates it sets are checked instead. */
  async execute(
    input: CorrectGroupDetailsRequest,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions = {},
  ): Promise<GroupCommandResult> {
    const { groupId, ...correction } = input;
    const tenant = await this.tenants.get(context.tenantId);
    return this.shell.run(
      groupId,
      (facts) => ({
        type: 'CorrectGroupDetails',
        data: { ...correction, ...facts, tenantVoivodeships: tenant?.voivodeships ?? null },
      }),
      context,
      occurredAt,
      scope,
    );
  }
}
