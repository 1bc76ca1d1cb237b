import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { caseCloseReasons, type CaseCloseReason } from '../contracts/vocabulary';
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
import { CloseCaseHandler } from './close-case.handler';

export class CloseCaseDto extends BusinessFactDto {
  @ApiProperty({ description: 'Why the case is closed', enum: caseCloseReasons, example: 'support-completed' })
  @IsIn(caseCloseReasons, { message: `reason must be one of: ${caseCloseReasons.join(', ')}` })
  reason!: CaseCloseReason;
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/closure')
export class CloseCaseController {
  constructor(private readonly handler: CloseCaseHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Close a case (its plan must be completed first); occurredAt is the closing day',
    description: 'After closing, only corrections are accepted.',
  })
  @PilotWrite(CaseCommandResultDto)
  async close(
    @Param() params: CaseParams,
    @Body() dto: CloseCaseDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      { caseId: params.caseId, reason: dto.reason, ...editorScope(ctx), expectedRevision },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
