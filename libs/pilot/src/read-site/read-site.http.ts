import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRunner, Ctx, Roles, TENANT_ROLES, notFound, type RequestContext } from '@kooperacja/platform';
import { siteSummary, type SiteSummary } from '../contracts/site-summary';
import { siteStreamId } from '../contracts/streams';
import { HistoryDto, historyOf } from '../shared/http/history';
import { SiteParams } from '../shared/http/params';
import { etagOf } from '../shared/http/write';
import { siteEventCatalogue } from '../site/site.catalogue';
import { siteDecider, type RegisteredSite } from '../site/site.decider';

export class SiteViewDto {
  @ApiProperty({ example: '1805052' })
  teryt!: string;

  @ApiProperty({ description: 'Revision of the site stream (also the ETag); send it as If-Match to write', example: 4 })
  revision!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Coaching, supervision and training totals and the latest outcome report per period',
  })
  summary!: SiteSummary;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The site's log as the write side decides on it. Outcome reports carry their source (personal data: free text), " +
      'read from the event store, so an erasure takes effect at once.',
  })
  state!: RegisteredSite;
}

/** The write side's own view of one pilot site's log of staff support and outcome reports. */
@ApiTags('pilot: sites')
@Controller('api/v1/tenants/:tenantId/pilot/sites/:teryt')
export class ReadSiteController {
  constructor(private readonly runner: CommandRunner) {}

  @Get()
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: "A pilot site's log: state and summary from its stream; ETag is its revision" })
  @ApiOkResponse({ type: SiteViewDto })
  @ApiNotFoundResponse({ description: 'Nothing is recorded for this site yet' })
  async get(
    @Param() params: SiteParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SiteViewDto> {
    const { state, revision } = await this.runner.load(
      ctx.tenantId!,
      siteStreamId(params.teryt),
      siteDecider,
      siteEventCatalogue,
    );
    const summary = siteSummary(state);
    if (state.status !== 'registered' || !summary)
      throw notFound('site.unknown', 'nothing is recorded for this site yet');
    res.setHeader('ETag', etagOf(revision));
    return { teryt: params.teryt, revision, summary, state };
  }

  @Get('history')
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: "A site's recorded events: type, revision, business and recording time, who (no data)" })
  @ApiOkResponse({ type: HistoryDto })
  @ApiNotFoundResponse({ description: 'Nothing is recorded for this site yet' })
  async history(@Param() params: SiteParams, @Ctx() ctx: RequestContext): Promise<HistoryDto> {
    const { history } = await this.runner.load(
      ctx.tenantId!,
      siteStreamId(params.teryt),
      siteDecider,
      siteEventCatalogue,
    );
    if (history.length === 0) throw notFound('site.unknown', 'nothing is recorded for this site yet');
    return historyOf(siteStreamId(params.teryt), history);
  }
}
