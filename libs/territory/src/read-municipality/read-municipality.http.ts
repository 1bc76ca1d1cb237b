import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRunner, Ctx, notFound, Roles, type RequestContext } from '@kooperacja/platform';
import { municipalityCatalogue } from '../municipality/municipality.catalogue';
import { municipalityDecider } from '../municipality/municipality.decider';
import { gminaStream } from '../territory.handler-support';
import {
  TerritoryAgreementDto,
  GminaTerytParam,
  historyEntry,
  StreamHistoryDto,
  READERS,
  TERRITORY_ROUTE,
} from '../territory.http-support';

class MunicipalityWithdrawalDto {
  @ApiProperty({ description: 'Day the gmina withdrew', example: '2019-05-06' })
  withdrawnOn!: string;

  @ApiProperty({ description: 'Why it withdrew', example: 'Rada Gminy nie przyjęła uchwały' })
  reason!: string;
}

class TypeExceptionViewDto {
  @ApiProperty({ description: "Why a gmina of another type than the model's was invited", example: 'partner w PZK' })
  reason!: string;
}

export class MunicipalityStateDto {
  @ApiProperty({
    description: "Revision of the gmina's stream (also the ETag): pass it as expectedRevision",
    example: 3,
  })
  revision!: number;

  @ApiProperty({ description: "The gmina's 7-digit TERYT code", example: '2205023' })
  teryt!: string;

  @ApiProperty({ description: 'Name of the gmina', example: 'Kartuzy' })
  name!: string;

  @ApiProperty({ description: 'Type of the gmina', enum: ['rural', 'urban-rural', 'urban'], example: 'urban-rural' })
  type!: string;

  @ApiProperty({ description: 'Name of its powiat', example: 'kartuski' })
  powiat!: string;

  @ApiProperty({ description: 'TERYT code of its powiat', example: '2205' })
  powiatTeryt!: string;

  @ApiProperty({ description: 'Voivodeship (lower-case Polish name)', example: 'pomorskie' })
  voivodeship!: string;

  @ApiProperty({
    description: "Set when its type differs from the model's",
    type: TypeExceptionViewDto,
    nullable: true,
  })
  typeException!: TypeExceptionViewDto | null;

  @ApiProperty({
    description: 'Stage reached (a withdrawal keeps it; see `withdrawal`)',
    enum: ['invited', 'declared', 'under-agreement', 'pilot-site'],
    example: 'pilot-site',
  })
  stage!: string;

  @ApiProperty({ description: 'Day of the invitation', example: '2019-03-04' })
  invitedOn!: string;

  @ApiProperty({ description: 'Day participation was declared', example: '2019-04-10', nullable: true, type: String })
  declaredOn!: string | null;

  @ApiProperty({ description: 'Reference of the declaration', example: 'DW/3/2019', nullable: true, type: String })
  declarationRef!: string | null;

  @ApiProperty({ description: 'The cooperation agreement, once signed', type: TerritoryAgreementDto, nullable: true })
  agreement!: TerritoryAgreementDto | null;

  @ApiProperty({ description: 'Day it became a pilot site', example: '2019-09-02', nullable: true, type: String })
  recruitedOn!: string | null;

  @ApiProperty({ description: 'The withdrawal, if any', type: MunicipalityWithdrawalDto, nullable: true })
  withdrawal!: MunicipalityWithdrawalDto | null;
}

/** The write side's own reads of one gmina: its state now, and who recorded which step when. */
@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class ReadMunicipalityController {
  constructor(private readonly runner: CommandRunner) {}

  @Get('municipalities/:teryt')
  @Roles(...READERS)
  @GminaTerytParam()
  @ApiOperation({
    summary: 'One gmina now: type, powiat, voivodeship, stage, dates of each step, agreement, withdrawal',
    description: '`revision` (also the ETag) is what a write may pass as expectedRevision / If-Match.',
  })
  @ApiOkResponse({ type: MunicipalityStateDto })
  @ApiNotFoundResponse({ description: 'The gmina has not been invited (code municipality.not-invited)' })
  async municipality(
    @Param('teryt') teryt: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { state, revision } = await this.runner.load(
      ctx.tenantId!,
      gminaStream(teryt),
      municipalityDecider,
      municipalityCatalogue,
    );
    if (!state) throw notFound('municipality.not-invited', `gmina ${teryt} has not been invited`);
    res.setHeader('ETag', `"${revision}"`);
    return { revision, ...state };
  }

  @Get('municipalities/:teryt/history')
  @Roles(...READERS)
  @GminaTerytParam()
  @ApiOperation({ summary: "The gmina's events: type, revision, business and recording time, who recorded it" })
  @ApiOkResponse({ type: StreamHistoryDto })
  @ApiNotFoundResponse({ description: 'The gmina has not been invited (code municipality.not-invited)' })
  async history(@Param('teryt') teryt: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const streamId = gminaStream(teryt);
    const { history, revision } = await this.runner.load(
      ctx.tenantId!,
      streamId,
      municipalityDecider,
      municipalityCatalogue,
    );
    if (history.length === 0) throw notFound('municipality.not-invited', `gmina ${teryt} has not been invited`);
    res.setHeader('ETag', `"${revision}"`);
    return {
      streamId,
      revision,
      events: history.map((e) => historyEntry(e, municipalityCatalogue.toDomain(e.type, e.data))),
    };
  }
}
