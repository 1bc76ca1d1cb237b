import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsNumber } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { SiteParams } from '../shared/http/params';
import { IsPseudonymousId } from '../shared/http/validators';
import {
  BusinessFactDto,
  ExpectedRevision,
  PilotWrite,
  SiteCommandResultDto,
  commandResponse,
  editorScope,
  siteResult,
} from '../shared/http/write';
import { RecordSupervisionSessionHandler } from './record-supervision-session.handler';

export class RecordSupervisionSessionDto extends BusinessFactDto {
  @ApiProperty({
    description: 'The case team (GGK/ZZK) supervised: its uuid in the groups context or a code; never a name',
    example: 'zzk-KAT-01',
  })
  @IsPseudonymousId('case-team')
  caseTeamId!: string;

  @ApiProperty({ description: 'Length of the session in hours (at most 24, two decimals)', example: 2 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'hours must be a number' })
  hours!: number;

  @ApiProperty({ description: 'Members of the team who took part (1-50)', example: 6 })
  @IsInt({ message: 'participants must be a whole number' })
  participants!: number;
}

@ApiTags('pilot: sites')
@Controller('api/v1/tenants/:tenantId/pilot/sites/:teryt/supervision')
export class RecordSupervisionSessionController {
  constructor(private readonly handler: RecordSupervisionSessionHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Record a supervision session of a case team at a pilot site; occurredAt is the session day',
  })
  @PilotWrite(SiteCommandResultDto)
  async record(
    @Param() params: SiteParams,
    @Body() dto: RecordSupervisionSessionDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SiteCommandResultDto> {
    const result = await this.handler.execute(
      {
        teryt: params.teryt,
        caseTeamId: dto.caseTeamId,
        hours: dto.hours,
        participants: dto.participants,
        ...editorScope(ctx),
        expectedRevision,
      },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, siteResult(result));
  }
}
