import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { supportKinds, type SupportKind } from '../contracts/vocabulary';
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
import { RecordSupportDeliveryHandler } from './record-support-delivery.handler';

export class RecordSupportDeliveryDto extends BusinessFactDto {
  @ApiProperty({ description: 'Kind of support given', enum: supportKinds, example: 'vocational-activation' })
  @IsIn(supportKinds, { message: `kind must be one of: ${supportKinds.join(', ')}` })
  kind!: SupportKind;

  @ApiProperty({
    description: 'Hours of support that day: more than 0, at most 24, at most two decimals',
    minimum: 0.01,
    maximum: 24,
    example: 2.5,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'hours must be a number' })
  hours!: number;
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/support')
export class RecordSupportDeliveryController {
  constructor(private readonly handler: RecordSupportDeliveryHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Record support given to the family under the active plan; occurredAt is the day it was given',
  })
  @PilotWrite(CaseCommandResultDto)
  async record(
    @Param() params: CaseParams,
    @Body() dto: RecordSupportDeliveryDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      { caseId: params.caseId, kind: dto.kind, hours: dto.hours, ...editorScope(ctx), expectedRevision },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
