import type { CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { powiatCatalogue } from '../powiat/powiat.catalogue';
import { powiatDecider, type InvitePowiatInput } from '../powiat/powiat.decider';
import {
  outcomeOf,
  powiatStream,
  tenantOf,
  type TerritoryCommandContext,
  type TerritoryCommandOptions,
  type TerritoryOutcome,
} from '../territory.handler-support';

export class InvitePowiatHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {}

  async execute(
    input: InvitePowiatInput,
    context: TerritoryCommandContext,
    occurredAt: string,
    options: TerritoryCommandOptions = {},
  ): Promise<TerritoryOutcome> {
    const streamId = powiatStream(input.teryt);
    const [period, tenant] = await Promise.all([
      this.periods.periodOf(context.tenantId),
      tenantOf(this.tenants, context.tenantId),
    ]);
    const result = await this.runner.run({
      decider: powiatDecider,
      catalogue: powiatCatalogue,
      streamId,
      command: {
        type: 'InvitePowiat',
        data: {
          ...input,
          occurredAt,
          period,
          allowedVoivodeships: context.allowedVoivodeships,
          tenant: { voivodeships: tenant.voivodeships },
        },
      },
      occurredAt,
      context,
      expectedRevision: options.expectedRevision,
    });
    return outcomeOf(result);
  }
}
