import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { expectedRevisionOf, type CommandContext, type FactDto } from '@kooperacja/platform';
import type { TerritoryCommandContext, TerritoryCommandOptions } from './territory.handler-support';

export {
  FactDto,
  IsBusinessDay,
  READERS,
  respond,
  WriteEndpoint,
  WRITERS,
  historyEntry,
  StreamHistoryDto,
  StreamHistoryEntryDto,
} from '@kooperacja/platform';

/** Every territory route lives under the caller's own tenant (the platform answers 404 for another). */
export const TERRITORY_ROUTE = 'api/v1/tenants/:tenantId/territory';

export function commandOptions(
  dto: Pick<FactDto, 'expectedRevision'>,
  ifMatch: string | undefined,
): TerritoryCommandOptions {
  return { expectedRevision: expectedRevisionOf(dto, ifMatch) };
}

/** A tenant-editor is limited to the voivodeships of its token; other roles are not. */
export function scoped(ctx: CommandContext): TerritoryCommandContext {
  return ctx.actor.role === 'tenant-editor' ? { ...ctx, allowedVoivodeships: ctx.voivodeships ?? [] } : ctx;
}

export const GminaTerytParam = () =>
  ApiParam({
    name: 'teryt',
    description: "The gmina's 7-digit TERYT code (last digit 1 urban, 2 rural, 3 urban-rural)",
    example: '2205023',
  });

export const PowiatTerytParam = () =>
  ApiParam({ name: 'teryt', description: "The powiat's 4-digit TERYT code", example: '2205' });

/** A signed agreement as the write side's reads show it. */
export class TerritoryAgreementDto {
  @ApiProperty({ description: 'Day the agreement was signed', example: '2019-06-03' })
  signedOn!: string;

  @ApiProperty({ description: 'Number or reference of the agreement (porozumienie)', example: 'POR/7/2019' })
  reference!: string;
}
