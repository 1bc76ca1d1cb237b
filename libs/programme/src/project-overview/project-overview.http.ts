import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BudgetDto } from '../programme.dtos';
import { Ctx, Roles, type RequestContext } from '@kooperacja/platform';
import { PROGRAMME_ROUTE, READERS } from '../programme.http-support';
import { ProjectOverviewQuery } from './project-overview.query';

class OverviewPeriodDto {
  @ApiProperty({ description: 'First day (YYYY-MM-DD)', example: '2018-04-01' })
  start!: string;

  @ApiProperty({ description: 'Last day (YYYY-MM-DD)', example: '2022-12-31' })
  end!: string;
}

class OverviewScheduleDto {
  @ApiProperty({ description: 'The period as planned when the partnership was established', type: OverviewPeriodDto })
  planned!: OverviewPeriodDto;

  @ApiProperty({ description: 'The period after every amendment in force', type: OverviewPeriodDto })
  current!: OverviewPeriodDto;
}

class OverviewBudgetDto {
  @ApiProperty({ description: 'The budget lines as planned', type: BudgetDto })
  planned!: BudgetDto;

  @ApiProperty({ description: 'The budget lines after every amendment in force', type: BudgetDto })
  current!: BudgetDto;
}

class OverviewPartnersDto {
  @ApiProperty({ description: 'Partners in the partnership now', example: 6 })
  count!: number;

  @ApiProperty({ description: 'Their partnerIds', example: ['rops-torun', 'umk'], type: [String] })
  partnerIds!: string[];
}

class OverviewApprovalsDto {
  @ApiProperty({ description: 'Model versions approved', example: 1 })
  count!: number;

  @ApiProperty({ description: 'The latest approved version', example: '1.0', nullable: true, type: String })
  latestVersion!: string | null;

  @ApiProperty({ description: 'When it was approved', example: '2019-03-15', nullable: true, type: String })
  latestApprovedOn!: string | null;

  @ApiProperty({ description: "The ministry's opinion of it", example: 'positive', nullable: true, type: String })
  latestMinistryOpinion!: string | null;
}

class AmendmentCountsDto {
  @ApiProperty({ description: 'Budget amendments in force (voided ones not counted)', example: 1 })
  budget!: number;

  @ApiProperty({ description: 'Schedule amendments in force (voided ones not counted)', example: 2 })
  schedule!: number;
}

class AmendmentCorrectionDto {
  @ApiProperty({ description: 'Why the amendment was corrected', example: 'kwota przepisana z błędem' })
  reason!: string;

  @ApiProperty({ description: 'When the error was found', example: '2024-05-02', nullable: true, type: String })
  correctedOn!: string | null;
}

class AmendmentViewDto {
  @ApiProperty({ description: 'Id of the amendment event', example: '0b7e5d6c-1f7a-5a0e-9d53-6c0f4f2a9b11' })
  eventId!: string;

  @ApiProperty({ description: 'Its position in the programme stream', example: 2 })
  revision!: number;

  @ApiProperty({ description: 'What it amends', enum: ['budget', 'schedule'], example: 'budget' })
  kind!: string;

  @ApiProperty({ description: 'Business date of the amendment', example: '2020-09-30' })
  amendedOn!: string;

  @ApiProperty({ description: 'The document it comes from', example: 'aneks nr 3' })
  source!: string;

  @ApiProperty({ description: 'Budget amendments: the lines it changed', type: BudgetDto, nullable: true })
  budget!: BudgetDto | null;

  @ApiProperty({ description: 'Schedule amendments: the new period', type: OverviewPeriodDto, nullable: true })
  period!: OverviewPeriodDto | null;

  @ApiProperty({
    description: 'recorded; corrected (figures shown as corrected); voided (did not happen, figures as recorded)',
    enum: ['recorded', 'corrected', 'voided'],
    example: 'recorded',
  })
  status!: string;

  @ApiProperty({ description: 'The latest correction of it, if any', type: AmendmentCorrectionDto, nullable: true })
  correction!: AmendmentCorrectionDto | null;

  @ApiProperty({ description: 'When the amendment was recorded', example: '2024-05-02T10:14:03.120Z' })
  recordedAt!: string;
}

export class ProjectOverviewDto {
  @ApiProperty({ description: 'Title of the project', example: 'Kooperacja – efektywna i skuteczna' })
  projectTitle!: string;

  @ApiProperty({ description: 'partnerId of the lead partner', example: 'rops-torun' })
  leadPartnerId!: string;

  @ApiProperty({ description: 'When the partnership was established', example: '2018-03-20' })
  establishedOn!: string;

  @ApiProperty({ description: 'Planned and current period', type: OverviewScheduleDto })
  schedule!: OverviewScheduleDto;

  @ApiProperty({ description: 'Planned and current budget (grosze)', type: OverviewBudgetDto })
  budget!: OverviewBudgetDto;

  @ApiProperty({ description: 'Current partners', type: OverviewPartnersDto })
  partners!: OverviewPartnersDto;

  @ApiProperty({
    description: 'Targets in force by indicator code: value, unit, setOn, source',
    example: { 'jst-in-pilot': { value: 50, unit: 'jst', setOn: '2018-04-01', source: 'seed 000' } },
    type: 'object',
    additionalProperties: true,
  })
  indicatorTargets!: Record<string, unknown>;

  @ApiProperty({ description: 'Numbers of the milestones completed (1 = I…)', example: [1, 2], type: [Number] })
  milestonesCompleted!: number[];

  @ApiProperty({
    description: 'When the last milestone was completed',
    example: '2020-12-15',
    nullable: true,
    type: String,
  })
  lastMilestoneOn!: string | null;

  @ApiProperty({ description: 'Approved model versions', type: OverviewApprovalsDto })
  modelApprovals!: OverviewApprovalsDto;

  @ApiProperty({ description: 'Corrections recorded', example: 1 })
  corrections!: number;

  @ApiProperty({ description: 'Amendments in force', type: AmendmentCountsDto })
  amendmentCounts!: AmendmentCountsDto;

  @ApiProperty({ description: 'Revision of the programme stream this overview reflects', example: 8 })
  revision!: number;

  @ApiProperty({ description: 'When its last event was recorded (freshness)', example: '2024-05-02T10:14:03.120Z' })
  lastRecordedAt!: string;

  @ApiProperty({ description: 'Every budget and schedule amendment, oldest first', type: [AmendmentViewDto] })
  amendments!: AmendmentViewDto[];
}

export class ProjectOverviewResponseDto {
  @ApiProperty({
    description: 'The overview, or null while no partnership is projected for the tenant',
    type: ProjectOverviewDto,
    nullable: true,
  })
  project!: ProjectOverviewDto | null;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class ProjectOverviewController {
  constructor(private readonly query: ProjectOverviewQuery) {}

  @Get('overview')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Project overview (read model): current figures and every budget/schedule amendment with its source',
    description:
      'Served from the read model, so it may trail the last write by the projection lag; `revision` and ' +
      '`lastRecordedAt` say which write it reflects. `project` is null until a partnership is projected.',
  })
  @ApiOkResponse({ type: ProjectOverviewResponseDto })
  async overview(@Ctx() ctx: RequestContext) {
    return { project: await this.query.overview(ctx.tenantId!) };
  }
}
