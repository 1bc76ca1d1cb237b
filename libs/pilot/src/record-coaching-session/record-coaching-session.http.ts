import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { coachingKinds, type CoachingKind } from '../contracts/vocabulary';
import { SiteParams } from '../shared/http/params';
import {
  BusinessFactDto,
  ExpectedRevision,
  PilotWrite,
  SiteCommandResultDto,
  commandResponse,
  editorScope,
  siteResult,
} from '../shared/http/write';
import { RecordCoachingSessionHandler } from './record-coaching-session.handler';

export class RecordCoachingSessionDto extends BusinessFactDto {
  @ApiProperty({ description: 'Individual or group coaching', enum: coachingKinds, example: 'group' })
  @IsIn(coachingKinds, { message: `kind must be one of: ${coachingKinds.join(', ')}` })
  kind!: CoachingKind;

  @ApiProperty({ description: 'Length of the session in hours (at most 24, two decimals)', example: 3 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'hours must be a number' })
  hours!: number;

  @ApiProperty({ description: 'Social workers coached: 1 for individual coaching, 2-50 for a group', example: 8 })
  @IsInt({ message: 'socialWorkers must be a whole number' })
  socialWorkers!: number;
}

@ApiTags('pilot: sites')
@Controller('api/v1/tenants/:tenantId/pilot/sites/:teryt/coaching')
export class RecordCoachingSessionController {
  constructor(private readonly handler: RecordCoachingSessionHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Record a coaching session for social workers of a pilot site; occurredAt is the session day',
  })
  @PilotWrite(SiteCommandResultDto)
  async record(
    @Param() params: SiteParams,
    @Body() dto: RecordCoachingSessionDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SiteCommandResultDto> {
    const result = await this.handler.execute(
      {
        teryt: params.teryt,
        kind: dto.kind,
        hours: dto.hours,
        socialWorkers: dto.socialWorkers,
        ...editorScope(ctx),
        expectedRevision,
      },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, siteResult(result));
  }
}
