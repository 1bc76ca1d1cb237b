import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { AttendanceDto, toAttendance } from '../hold-meeting/hold-meeting.http';
import { CorrectionFields } from '../shared/correction';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  IfPresent,
  IsCalendarDay,
  sendResult,
  UuidParam,
} from '../shared/http';
import { CorrectMeetingHandler } from './correct-meeting.handler';

export class CorrectMeetingDto extends CorrectionFields {
  @ApiPropertyOptional({ description: 'The correct (first) day of the meeting, YYYY-MM-DD', example: '2018-10-19' })
  @IfPresent()
  @IsCalendarDay()
  heldOn?: string;

  @ApiPropertyOptional({ description: 'The correct length in days', minimum: 1, maximum: 31 })
  @IfPresent()
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be 1 to 31' })
  @Max(31, { message: 'days must be 1 to 31' })
  days?: number;

  @ApiPropertyOptional({ description: 'The correct attendance', type: AttendanceDto })
  @IfPresent()
  @IsObject({ message: 'attendance must be an object' })
  @ValidateNested()
  @Type(() => AttendanceDto)
  attendance?: AttendanceDto;

  @ApiPropertyOptional({
    description: 'Case teams only: whether the client took part; null removes the flag',
    nullable: true,
    type: Boolean,
  })
  @IsOptional()
  @IsBoolean({ message: 'clientPresent must be true, false or null' })
  clientPresent?: boolean | null;
}

@Controller(GROUPS_PATH)
export class CorrectMeetingController {
  constructor(private readonly handler: CorrectMeetingHandler) {}

  @Post(':groupId/meetings/:meetingId/corrections')
  @Roles('tenant-admin')
  @GroupWrite(
    'Correct a meeting',
    'Fixes a meeting recorded wrongly (only the fields given change). Tenant admins only.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  @ApiParam({ name: 'meetingId', format: 'uuid' })
  async correct(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Param('meetingId', new UuidParam('meetingId')) meetingId: string,
    @Body() dto: CorrectMeetingDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, attendance, ...correction } = dto;
    return sendResult(
      res,
      await this.handler.execute(
        {
          ...correction,
          ...(attendance !== undefined ? { attendance: toAttendance(attendance) } : {}),
          groupId,
          meetingId,
        },
        ctx,
        occurredAt,
        options,
      ),
    );
  }
}
