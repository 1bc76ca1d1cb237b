import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Ctx, Roles, TENANT_ROLES, notFound, type RequestContext } from '@kooperacja/platform';
import { SiteParams, TenantParams } from '../shared/http/params';
import { SiteProgressQuery, type SiteProgress } from './site-progress.query';

class CaseCountsDto {
  @ApiProperty({ example: 12 }) enrolled!: number;
  @ApiProperty({ example: 4, description: 'Open cases' }) active!: number;
  @ApiProperty({ example: 8 }) closed!: number;
}

class PlanCountsDto {
  @ApiProperty({ example: 13 }) agreed!: number;
  @ApiProperty({ example: 9 }) completed!: number;
  @ApiProperty({ example: 7 }) success!: number;
  @ApiProperty({ example: 1 }) partial!: number;
  @ApiProperty({ example: 1 }) failure!: number;
  @ApiProperty({ example: 0.778, nullable: true, description: 'success / completed' }) successRate!: number | null;
}

class SessionTotalsDto {
  @ApiProperty({ example: 6 }) sessions!: number;
  @ApiProperty({ example: 14.5 }) hours!: number;
  @ApiProperty({ example: 31, description: 'Attendance summed over sessions' }) participants!: number;
}

class OutcomeReportDto {
  @ApiProperty({ example: '2020-12-15' }) reportedOn!: string;
  @ApiProperty({ example: '2019-10-01' }) periodStart!: string;
  @ApiProperty({ example: '2020-11-30' }) periodEnd!: string;
  @ApiProperty({ example: 12 }) familiesEnrolled!: number;
  @ApiProperty({ example: 9 }) plansCompleted!: number;
  @ApiProperty({ example: 7 }) successes!: number;
}

export class SiteProgressDto {
  @ApiProperty({ example: '1805052' }) teryt!: string;
  @ApiProperty({ example: 'podkarpackie' }) voivodeship!: string;
  @ApiProperty({ type: CaseCountsDto }) cases!: CaseCountsDto;
  @ApiProperty({ type: PlanCountsDto, description: 'Plans agreed and completed by outcome (as corrected)' })
  plans!: PlanCountsDto;
  @ApiProperty({ example: 41, description: 'Case-team meetings (voided ones left out)' }) caseTeamMeetings!: number;
  @ApiProperty({ example: 120.5, description: 'Hours of support delivered to families' }) supportHours!: number;
  @ApiProperty({ type: SessionTotalsDto }) coaching!: SessionTotalsDto;
  @ApiProperty({ type: SessionTotalsDto }) supervision!: SessionTotalsDto;
  @ApiProperty({ type: SessionTotalsDto }) training!: SessionTotalsDto;
  @ApiProperty({
    type: OutcomeReportDto,
    nullable: true,
    description: 'The latest outcome report (without its source)',
  })
  lastOutcomeReport!: OutcomeReportDto | null;
  @ApiProperty({ description: 'When the newest event counted here was recorded' }) lastRecordedAt!: string;
}

export class SiteProgressListDto {
  @ApiProperty({ type: [SiteProgressDto] })
  items!: SiteProgressDto[];
}

/** "Pilot progress per site": cases, plans, meetings, support and staff support per pilot site. */
@ApiTags('pilot: read models')
@Controller('api/v1/tenants/:tenantId/pilot/sites')
export class SiteProgressController {
  constructor(private readonly query: SiteProgressQuery) {}

  @Get()
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Pilot progress of every site of the tenant, by TERYT code' })
  @ApiOkResponse({ type: SiteProgressListDto })
  async list(@Param() _params: TenantParams, @Ctx() ctx: RequestContext): Promise<{ items: SiteProgress[] }> {
    return { items: await this.query.list(ctx.tenantId!) };
  }

  @Get(':teryt/progress')
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'Pilot progress of one site' })
  @ApiOkResponse({ type: SiteProgressDto })
  @ApiNotFoundResponse({ description: 'Nothing is recorded for this site yet' })
  async get(@Param() params: SiteParams, @Ctx() ctx: RequestContext): Promise<SiteProgress> {
    const progress = await this.query.get(ctx.tenantId!, params.teryt);
    if (!progress) throw notFound('site.no-progress', 'nothing is recorded for this site yet');
    return progress;
  }
}
