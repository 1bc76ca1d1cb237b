import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import {
  commandOptions,
  FactDto,
  GminaTerytParam,
  respond,
  scoped,
  TERRITORY_ROUTE,
  WriteEndpoint,
  WRITERS,
} from '../territory.http-support';
import { RecruitPilotSiteHandler } from './recruit-pilot-site.handler';

export class RecruitPilotSiteDto extends FactDto {}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class RecruitPilotSiteController {
  constructor(private readonly handler: RecruitPilotSiteHandler) {}

  @Post('municipalities/:teryt/pilot-site')
  @Roles(...WRITERS)
  @GminaTerytParam()
  @WriteEndpoint('The gmina is recruited as a pilot site', 'Only a gmina under a signed cooperation agreement.')
  async recruit(
    @Param('teryt') teryt: string,
    @Body() dto: RecruitPilotSiteDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, expectedRevision } = dto;
    return respond(
      res,
      await this.handler.execute({ teryt }, scoped(ctx), occurredAt, commandOptions({ expectedRevision }, ifMatch)),
    );
  }
}
