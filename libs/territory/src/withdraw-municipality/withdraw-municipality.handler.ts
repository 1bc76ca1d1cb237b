import type { CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { municipalityCatalogue } from '../municipality/municipality.catalogue';
import { municipalityDecider, type WithdrawMunicipalityInput } from '../municipality/municipality.decider';
import {
  gminaStream,
  outcomeOf,
  type TerritoryCommandContext,
  type TerritoryCommandOptions,
  type TerritoryOutcome,
} from '../territory.handler-support';

export class WithdrawMunicipalityHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  async execute(
    input: WithdrawMunicipalityInput,
    context: TerritoryCommandContext,
    occurredAt: string,
    options: TerritoryCommandOptions = {},
  ): Promise<TerritoryOutcome> {
    const streamId = gminaStream(input.teryt);
    const period = await this.periods.periodOf(context.tenantId);
    const result = await this.runner.run({
      decider: municipalityDecider,
      catalogue: municipalityCatalogue,
      streamId,
      command: {
        type: 'WithdrawMunicipality',
        data: { ...input, occurredAt, period, allowedVoivodeships: context.allowedVoivodeships },
      },
      occurredAt,
      context,
      expectedRevision: options.expectedRevision,
    });
    return outcomeOf(result);
  }
}
