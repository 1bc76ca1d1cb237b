import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BudgetDto, PartnerDto, ProjectPeriodDto } from '../programme.dtos';
import type { Response } from 'express';
import { CommandRunner, Ctx, Roles, type RequestContext } from '@kooperacja/platform';
import { currentIndicatorTargets, currentPartners, PROJECT_STREAM_ID } from '../contracts/project.view';
import { historyEntry, StreamHistoryDto, PROGRAMME_ROUTE, READERS } from '../programme.http-support';
import { programmeCatalogue } from '../project/project.catalogue';
import { projectDecider } from '../project/project.decider';

class PartnerMembershipDto {
  @ApiProperty({ description: 'The partner institution', type: PartnerDto })
  partner!: PartnerDto;

  @ApiProperty({ description: 'When it joined (the establishment date for founding partners)', example: '2018-03-20' })
  joinedOn!: string;

  @ApiProperty({ description: 'When it left; null while it is a partner', example: null, nullable: true, type: String })
  leftOn!: string | null;

  @ApiProperty({ description: 'Why it left', example: null, nullable: true, type: String })
  leftReason!: string | null;
}

class ScheduleAmendmentDto {
  @ApiProperty({ description: 'The new period', type: ProjectPeriodDto })
  period!: ProjectPeriodDto;

  @ApiProperty({ description: 'Business date of the amendment', example: '2021-02-15' })
  amendedOn!: string;

  @ApiProperty({ description: 'The document it comes from', example: 'aneks nr 5' })
  source!: string;
}

class ScheduleStateDto {
  @ApiProperty({ description: 'As planned at establishment', type: ProjectPeriodDto })
  planned!: ProjectPeriodDto;

  @ApiProperty({ description: 'After every amendment', type: ProjectPeriodDto })
  current!: ProjectPeriodDto;

  @ApiProperty({ description: 'Every amendment in order (as corrected)', type: [ScheduleAmendmentDto] })
  amendments!: ScheduleAmendmentDto[];
}

class BudgetAmendmentDto {
  @ApiProperty({ description: 'The lines it changed', type: BudgetDto })
  budget!: BudgetDto;

  @ApiProperty({ description: 'Business date of the amendment', example: '2020-09-30' })
  amendedOn!: string;

  @ApiProperty({ description: 'The document it comes from', example: 'seed 000' })
  source!: string;
}

class BudgetStateDto {
  @ApiProperty({ description: 'As planned at establishment', type: BudgetDto })
  planned!: BudgetDto;

  @ApiProperty({ description: 'After every amendment', type: BudgetDto })
  current!: BudgetDto;

  @ApiProperty({ description: 'Every amendment in order (as corrected)', type: [BudgetAmendmentDto] })
  amendments!: BudgetAmendmentDto[];
}

class IndicatorTargetDto {
  @ApiProperty({ description: 'Indicator code', example: 'jst-in-pilot' })
  indicator!: string;

  @ApiProperty({ description: 'Target value', example: 50 })
  value!: number;

  @ApiProperty({ description: 'What it counts', example: 'jst' })
  unit!: string;

  @ApiProperty({ description: 'When the target was set', example: '2018-04-01' })
  setOn!: string;

  @ApiProperty({ description: 'The document it comes from', example: 'seed 000' })
  source!: string;
}

class CompletedMilestoneDto {
  @ApiProperty({ description: 'Milestone number (1 = I…)', example: 1 })
  milestone!: number;

  @ApiProperty({ description: 'When it was completed', example: '2019-03-29' })
  completedOn!: string;

  @ApiProperty({
    description: 'The document it comes from',
    example: 'protokół odbioru KM I',
    nullable: true,
    type: String,
  })
  source!: string | null;
}

class ModelApprovalDto {
  @ApiProperty({ description: 'Model version', example: '1.0' })
  version!: string;

  @ApiProperty({ description: 'The approving body', example: 'Komitet Sterujący' })
  approvedBy!: string;

  @ApiProperty({
    description: "The ministry's opinion",
    enum: ['positive', 'negative', 'with-remarks'],
    example: 'positive',
  })
  ministryOpinion!: string;

  @ApiProperty({ description: 'When it was approved', example: '2019-03-15' })
  approvedOn!: string;

  @ApiProperty({ description: 'The document it comes from', example: null, nullable: true, type: String })
  source!: string | null;
}

class FactCorrectionDto {
  @ApiProperty({ description: 'The corrected event', example: '0b7e5d6c-1f7a-5a0e-9d53-6c0f4f2a9b11' })
  correctedEventId!: string;

  @ApiProperty({ description: 'Its domain type', example: 'BudgetAmended' })
  correctedType!: string;

  @ApiProperty({ description: 'True when the fact did not happen at all; false when it was replaced', example: false })
  voided!: boolean;

  @ApiProperty({ description: 'Why it was corrected', example: 'kwota przepisana z błędem' })
  reason!: string;

  @ApiProperty({ description: 'When the error was found', example: '2024-05-02' })
  correctedOn!: string;
}

export class ProjectStateDto {
  @ApiProperty({ description: 'Title of the project', example: 'Kooperacja – efektywna i skuteczna' })
  projectTitle!: string;

  @ApiProperty({ description: 'partnerId of the lead partner', example: 'rops-torun' })
  leadPartnerId!: string;

  @ApiProperty({ description: 'When the partnership was established', example: '2018-03-20' })
  establishedOn!: string;

  @ApiProperty({
    description: 'The document the partnership comes from',
    example: 'seed 002',
    nullable: true,
    type: String,
  })
  source!: string | null;

  @ApiProperty({ description: 'The partners now', type: [PartnerDto] })
  partners!: PartnerDto[];

  @ApiProperty({ description: 'Every stay of every partner, in order', type: [PartnerMembershipDto] })
  memberships!: PartnerMembershipDto[];

  @ApiProperty({ description: 'Planned and current period with every amendment', type: ScheduleStateDto })
  schedule!: ScheduleStateDto;

  @ApiProperty({ description: 'Planned and current budget with every amendment', type: BudgetStateDto })
  budget!: BudgetStateDto;

  @ApiProperty({ description: 'Every target set, in order', type: [IndicatorTargetDto] })
  indicatorTargets!: IndicatorTargetDto[];

  @ApiProperty({ description: 'The latest target per indicator', type: [IndicatorTargetDto] })
  targetsInForce!: IndicatorTargetDto[];

  @ApiProperty({ description: 'Milestones completed, by number', type: [CompletedMilestoneDto] })
  milestones!: CompletedMilestoneDto[];

  @ApiProperty({ description: 'Model versions approved, in order', type: [ModelApprovalDto] })
  modelApprovals!: ModelApprovalDto[];

  @ApiProperty({ description: 'Every correction recorded', type: [FactCorrectionDto] })
  corrections!: FactCorrectionDto[];
}

export class ProjectResponseDto {
  @ApiProperty({
    description: 'Revision of the programme stream (also the ETag): pass it as expectedRevision; -1 before any fact',
    example: 8,
  })
  revision!: number;

  @ApiProperty({
    description: 'The project, or null while its partnership has not been established',
    type: ProjectStateDto,
    nullable: true,
  })
  project!: ProjectStateDto | null;
}

/**
 * The write side's own reads: the project as its stream tells it now (corrections applied) and
 * who recorded which fact when. Always current (no projection in between), one stream per tenant.
 */
@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class ReadProjectController {
  constructor(private readonly runner: CommandRunner) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The project now: partnership, budget and schedule with their amendments, targets, milestones, approvals',
    description:
      '`revision` (also the ETag) is what a write may pass as expectedRevision / If-Match. Planned values stay; ' +
      '`current` follows the amendments; every amendment is listed with its source. `project` is null until the ' +
      'partnership is established.',
  })
  @ApiOkResponse({ type: ProjectResponseDto })
  async project(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await this.runner.load(
      ctx.tenantId!,
      PROJECT_STREAM_ID,
      projectDecider,
      programmeCatalogue,
    );
    const project = state.project;
    res.setHeader('ETag', `"${revision}"`);
    // Every tenant has its programme; before the partnership is established it is empty, not missing.
    return {
      revision,
      project: project && {
        ...project,
        partners: currentPartners(project),
        targetsInForce: Object.values(currentIndicatorTargets(project)),
      },
    };
  }

  @Get('history')
  @Roles(...READERS)
  @ApiOperation({
    summary: "The programme stream's events: type, revision, business and recording time, who recorded it, source",
    description: 'No event data beyond the source: use GET .../programme for the facts themselves.',
  })
  @ApiOkResponse({ type: StreamHistoryDto })
  async history(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const { history, revision } = await this.runner.load(
      ctx.tenantId!,
      PROJECT_STREAM_ID,
      projectDecider,
      programmeCatalogue,
    );
    res.setHeader('ETag', `"${revision}"`);
    return {
      streamId: PROJECT_STREAM_ID,
      revision,
      events: history.map((e) => historyEntry(e, programmeCatalogue.toDomain(e.type, e.data))),
    };
  }
}
