import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { planOutcomes, type PlanOutcome } from '../contracts/vocabulary';
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
import { CompletePlanHandler } from './complete-plan.handler';

export class CompletePlanDto extends BusinessFactDto {
  @ApiProperty({ description: 'How the plan ended', enum: planOutcomes, example: 'success' })
  @IsIn(planOutcomes, { message: `outcome must be one of: ${planOutcomes.join(', ')}` })
  outcome!: PlanOutcome;
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/plan-completion')
export class CompletePlanController {
  constructor(private readonly handler: CompletePlanHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({ summary: 'Record the end of the active plan and its outcome; occurredAt is the day it ended' })
  @PilotWrite(CaseCommandResultDto)
  async complete(
    @Param() params: CaseParams,
    @Body() dto: CompletePlanDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      { caseId: params.caseId, outcome: dto.outcome, ...editorScope(ctx), expectedRevision },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
