import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRunner, Ctx, notFound, Roles, type RequestContext } from '@kooperacja/platform';
import { powiatCatalogue } from '../powiat/powiat.catalogue';
import { powiatDecider } from '../powiat/powiat.decider';
import { powiatStream } from '../territory.handler-support';
import {
  TerritoryAgreementDto,
  historyEntry,
  StreamHistoryDto,
  PowiatTerytParam,
  READERS,
  TERRITORY_ROUTE,
} from '../territory.http-support';

export class PowiatStateDto {
  @ApiProperty({
    description: "Revision of the powiat's stream (also the ETag): pass it as expectedRevision",
    example: 1,
  })
  revision!: number;

  @ApiProperty({ description: "The powiat's 4-digit TERYT code", example: '2205' })
  teryt!: string;

  @ApiProperty({ description: 'Name of the powiat', example: 'kartuski' })
  name!: string;

  @ApiProperty({ description: 'Voivodeship (lower-case Polish name)', example: 'pomorskie' })
  voivodeship!: string;

  @ApiProperty({ description: 'Day of the invitation', example: '2019-02-01' })
  invitedOn!: string;

  @ApiProperty({ description: 'The agreement, once signed', type: TerritoryAgreementDto, nullable: true })
  agreement!: TerritoryAgreementDto | null;
}

/** The write side's own reads of one powiat: its state now, and who recorded which step when. */
@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class ReadPowiatController {
  constructor(private readonly runner: CommandRunner) {}

  @Get('powiats/:teryt')
  @Roles(...READERS)
  @PowiatTerytParam()
  @ApiOperation({ summary: 'One powiat now: name, voivodeship, invitation and agreement' })
  @ApiOkResponse({ type: PowiatStateDto })
  @ApiNotFoundResponse({ description: 'The powiat has not been invited (code powiat.not-invited)' })
  async powiat(@Param('teryt') teryt: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await this.runner.load(
      ctx.tenantId!,
      powiatStream(teryt),
      powiatDecider,
      powiatCatalogue,
    );
    if (!state) throw notFound('powiat.not-invited', `powiat ${teryt} has not been invited`);
    res.setHeader('ETag', `"${revision}"`);
    return { revision, ...state };
  }

  @Get('powiats/:teryt/history')
  @Roles(...READERS)
  @PowiatTerytParam()
  @ApiOperation({ summary: "The powiat's events: type, revision, business and recording time, who recorded it" })
  @ApiOkResponse({ type: StreamHistoryDto })
  @ApiNotFoundResponse({ description: 'The powiat has not been invited (code powiat.not-invited)' })
  async history(@Param('teryt') teryt: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const streamId = powiatStream(teryt);
    const { history, revision } = await this.runner.load(ctx.tenantId!, streamId, powiatDecider, powiatCatalogue);
    if (history.length === 0) throw notFound('powiat.not-invited', `powiat ${teryt} has not been invited`);
    res.setHeader('ETag', `"${revision}"`);
    return {
      streamId,
      revision,
      events: history.map((e) => historyEntry(e, powiatCatalogue.toDomain(e.type, e.data))),
    };
  }
}
