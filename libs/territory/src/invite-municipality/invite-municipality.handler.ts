import type { CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { municipalityCatalogue } from '../municipality/municipality.catalogue';
import { municipalityDecider, type InviteMunicipalityInput } from '../municipality/municipality.decider';
import {
  gminaStream,
  outcomeOf,
  tenantOf,
  type TerritoryCommandContext,
  type TerritoryCommandOptions,
  type TerritoryOutcome,
} from '../territory.handler-support';

export class InviteMunicipalityHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {}

  async execute(
    input: InviteMunicipalityInput,
    context: TerritoryCommandContext,
    occurredAt: string,
    options: TerritoryCommandOptions = {},
  ): Promise<TerritoryOutcome> {
    const streamId = gminaStream(input.teryt);
    const [period, tenant] = await Promise.all([
      this.periods.periodOf(context.tenantId),
      tenantOf(this.tenants, context.tenantId),
    ]);
    const result = await this.runner.run({
      decider: municipalityDecider,
      catalogue: municipalityCatalogue,
      streamId,
      command: {
        type: 'InviteMunicipality',
        data: {
          ...input,
          occurredAt,
          period,
          allowedVoivodeships: context.allowedVoivodeships,
          tenant: { municipalityType: tenant.municipalityType, voivodeships: tenant.voivodeships },
        },
      },
      occurredAt,
      context,
      expectedRevision: options.expectedRevision,
    });
    return outcomeOf(result);
  }
}
