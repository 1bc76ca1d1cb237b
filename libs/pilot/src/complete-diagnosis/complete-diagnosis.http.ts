import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ArrayNotEmpty, IsArray, IsIn } from 'class-validator';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { diagnosisAreas, type DiagnosisArea } from '../contracts/vocabulary';
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
import { CompleteDiagnosisHandler } from './complete-diagnosis.handler';

export class CompleteDiagnosisDto extends BusinessFactDto {
  @ApiProperty({
    description: 'Areas of the family’s life the multidimensional diagnosis found in need of support (each once)',
    enum: diagnosisAreas,
    isArray: true,
    example: ['housing', 'employment'],
  })
  @IsArray({ message: 'areas must be a list of diagnosis areas' })
  @ArrayNotEmpty({ message: 'areas must name at least one diagnosed area' })
  @IsIn(diagnosisAreas, { each: true, message: `each of areas must be one of: ${diagnosisAreas.join(', ')}` })
  areas!: DiagnosisArea[];
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/diagnosis')
export class CompleteDiagnosisController {
  constructor(private readonly handler: CompleteDiagnosisHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({ summary: 'Record the multidimensional diagnosis of a case; occurredAt is the day it was completed' })
  @PilotWrite(CaseCommandResultDto)
  async complete(
    @Param() params: CaseParams,
    @Body() dto: CompleteDiagnosisDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      { caseId: params.caseId, areas: dto.areas, ...editorScope(ctx), expectedRevision },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
