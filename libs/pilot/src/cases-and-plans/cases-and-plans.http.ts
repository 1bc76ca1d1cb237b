import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Ctx, Roles, TENANT_ROLES, type RequestContext } from '@kooperacja/platform';
import {
  caseCloseReasons,
  caseUnits,
  planOutcomes,
  planTypes,
  type CaseCloseReason,
  type CaseUnit,
  type PlanOutcome,
  type PlanType,
} from '../contracts/vocabulary';
import { TenantParams } from '../shared/http/params';
import { IsTeryt } from '../shared/http/validators';
import { CasesAndPlansQuery, type CaseListPage } from './cases-and-plans.query';

const statuses = ['open', 'closed'] as const;

export class CaseListQueryDto {
  @ApiPropertyOptional({ description: 'Only cases of this pilot site (TERYT code)', example: '1805052' })
  @IsOptional()
  @IsTeryt()
  site?: string;

  @ApiPropertyOptional({ enum: statuses, description: 'open (active) or closed' })
  @IsOptional()
  @IsIn(statuses, { message: 'status must be open or closed' })
  status?: (typeof statuses)[number];

  @ApiPropertyOptional({ enum: planTypes, description: 'Type of the latest plan' })
  @IsOptional()
  @IsIn(planTypes, { message: `planType must be one of: ${planTypes.join(', ')}` })
  planType?: PlanType;

  @ApiPropertyOptional({ enum: planOutcomes, description: 'Outcome of the latest plan' })
  @IsOptional()
  @IsIn(planOutcomes, { message: `outcome must be one of: ${planOutcomes.join(', ')}` })
  outcome?: PlanOutcome;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page starts at 1' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be 1-200' })
  @Max(200, { message: 'pageSize must be 1-200' })
  pageSize?: number;
}

export class CaseRowDto {
  @ApiProperty({ example: 'mr1-KAR-0042', description: 'Pseudonymous case id' })
  caseId!: string;
  @ApiProperty({ example: '1805052' })
  siteTeryt!: string;
  @ApiProperty({ example: 'podkarpackie' })
  voivodeship!: string;
  @ApiProperty({ enum: caseUnits })
  caseUnit!: CaseUnit;
  @ApiProperty({ example: 4 })
  householdSize!: number;
  @ApiProperty({ enum: statuses })
  status!: 'open' | 'closed';
  @ApiProperty({ enum: planTypes, nullable: true, description: 'Type of the latest plan' })
  planType!: PlanType | null;
  @ApiProperty({ description: 'Plans agreed so far', example: 1 })
  plans!: number;
  @ApiProperty({ example: '2019-09-02' })
  enrolledOn!: string;
  @ApiProperty({ nullable: true, example: '2019-09-10', description: 'First diagnosis' })
  diagnosedOn!: string | null;
  @ApiProperty({ nullable: true, example: '2019-10-01', description: 'Latest plan agreed' })
  planAgreedOn!: string | null;
  @ApiProperty({ nullable: true, example: '2019-10-15', description: 'First case-team meeting (voided ones left out)' })
  firstMeetingOn!: string | null;
  @ApiProperty({ nullable: true, example: '2020-09-30', description: 'Latest plan completed' })
  completedOn!: string | null;
  @ApiProperty({ nullable: true, example: '2020-10-15' })
  closedOn!: string | null;
  @ApiProperty({ enum: caseCloseReasons, nullable: true })
  closeReason!: CaseCloseReason | null;
  @ApiProperty({ description: 'Case-team meetings (voided ones left out)', example: 5 })
  meetings!: number;
  @ApiProperty({ description: 'Of those, with the client present', example: 3 })
  meetingsWithClient!: number;
  @ApiProperty({ description: 'Hours of support delivered (voided ones left out)', example: 12.5 })
  supportHours!: number;
  @ApiProperty({ enum: planOutcomes, nullable: true, description: 'Outcome of the latest plan (as corrected)' })
  outcome!: PlanOutcome | null;
  @ApiProperty({ description: 'Corrections recorded on the case', example: 0 })
  corrections!: number;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseRowDto] })
  items!: CaseRowDto[];
  @ApiProperty({ example: 1 })
  page!: number;
  @ApiProperty({ example: 50 })
  pageSize!: number;
  @ApiProperty({ description: 'Cases matching the filter', example: 172 })
  total!: number;
  @ApiProperty({ nullable: true, description: 'When the newest event in this read model was recorded' })
  lastRecordedAt!: string | null;
}

/** "Cases and individual plans (pseudonymous)": the tenant's cases, one row each, without goal labels. */
@ApiTags('pilot: read models')
@Controller('api/v1/tenants/:tenantId/pilot/cases')
export class CasesAndPlansController {
  constructor(private readonly query: CasesAndPlansQuery) {}

  @Get()
  @Roles(...TENANT_ROLES)
  @ApiOperation({
    summary: 'Cases and individual plans (pseudonymous): status, latest plan, key dates, meetings, outcome',
    description: 'From the read model, which follows the event log within moments. No goal labels (personal data).',
  })
  @ApiOkResponse({ type: CaseListDto })
  list(
    @Param() _params: TenantParams,
    @Query() q: CaseListQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseListPage> {
    return this.query.list(ctx.tenantId!, {
      site: q.site,
      status: q.status,
      planType: q.planType,
      outcome: q.outcome,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 50,
    });
  }
}
