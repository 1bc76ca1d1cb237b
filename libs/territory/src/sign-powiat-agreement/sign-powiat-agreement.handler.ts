import type { CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { powiatCatalogue } from '../powiat/powiat.catalogue';
import { powiatDecider, type SignPowiatAgreementInput } from '../powiat/powiat.decider';
import {
  outcomeOf,
  powiatStream,
  type TerritoryCommandContext,
  type TerritoryCommandOptions,
  type TerritoryOutcome,
} from '../territory.handler-support';

export class SignPowiatAgreementHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  async execute(
    input: SignPowiatAgreementInput,
    context: TerritoryCommandContext,
    occurredAt: string,
    options: TerritoryCommandOptions = {},
  ): Promise<TerritoryOutcome> {
    const streamId = powiatStream(input.teryt);
    const period = await this.periods.periodOf(context.tenantId);
    const result = await this.runner.run({
      decider: powiatDecider,
      catalogue: powiatCatalogue,
      streamId,
      command: {
        type: 'SignPowiatAgreement',
        data: { ...input, occurredAt, period, allowedVoivodeships: context.allowedVoivodeships },
      },
      occurredAt,
      context,
      expectedRevision: options.expectedRevision,
    });
    return outcomeOf(result);
  }
}
