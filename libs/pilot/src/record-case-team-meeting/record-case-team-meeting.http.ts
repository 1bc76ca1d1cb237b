import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsInt } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
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
import { RecordCaseTeamMeetingHandler } from './record-case-team-meeting.handler';

export class RecordCaseTeamMeetingDto extends BusinessFactDto {
  @ApiProperty({ description: 'Whether the client (family) took part', example: true })
  @IsBoolean({ message: 'clientPresent must be true or false' })
  clientPresent!: boolean;

  @ApiProperty({ description: 'How many institutions were represented (0-50)', minimum: 0, maximum: 50, example: 4 })
  @IsInt({ message: 'institutionsPresent must be a whole number' })
  institutionsPresent!: number;
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/meetings')
export class RecordCaseTeamMeetingController {
  constructor(private readonly handler: RecordCaseTeamMeetingHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Record a case-team meeting (IPW team, GGK, ZZK) under the active plan; occurredAt is the meeting day',
  })
  @PilotWrite(CaseCommandResultDto)
  async record(
    @Param() params: CaseParams,
    @Body() dto: RecordCaseTeamMeetingDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      {
        caseId: params.caseId,
        clientPresent: dto.clientPresent,
        institutionsPresent: dto.institutionsPresent,
        ...editorScope(ctx),
        expectedRevision,
      },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
