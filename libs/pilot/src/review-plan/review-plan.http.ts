import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsString, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { goalProgressLevels, type GoalProgressLevel } from '../contracts/vocabulary';
import { CaseParams } from '../shared/http/params';
import {
  BusinessFactDto,
  CaseCommandResultDto,
  ExpectedRevision,
  PilotWrite,
  caseResult,
  commandResponse,
  editorScope,
} from '../shared/http/write';
import { ReviewPlanHandler } from './review-plan.handler';

export class GoalProgressDto {
  @ApiProperty({ description: 'A goal of the active plan', example: 'g1' })
  @IsString({ message: 'goalId must be the code of a goal of the active plan' })
  goalId!: string;

  @ApiProperty({ description: 'How far the goal is', enum: goalProgressLevels, example: 'in-progress' })
  @IsIn(goalProgressLevels, { message: `progress must be one of: ${goalProgressLevels.join(', ')}` })
  progress!: GoalProgressLevel;
}

export class ReviewPlanDto extends BusinessFactDto {
  @ApiProperty({ description: 'Progress of the goals reviewed (each goal once)', type: [GoalProgressDto] })
  @IsArray({ message: 'progress must be a list' })
  @ArrayNotEmpty({ message: 'give the progress of at least one goal' })
  @ValidateNested({ each: true })
  @Type(() => GoalProgressDto)
  progress!: GoalProgressDto[];
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/plan-review')
export class ReviewPlanController {
  constructor(private readonly handler: ReviewPlanHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Record a review of the active plan with the progress of its goals; occurredAt is the review day',
  })
  @PilotWrite(CaseCommandResultDto)
  async review(
    @Param() params: CaseParams,
    @Body() dto: ReviewPlanDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      {
        caseId: params.caseId,
        progress: dto.progress.map((p) => ({ goalId: p.goalId, progress: p.progress })),
        ...editorScope(ctx),
        expectedRevision,
      },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
