import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import type { Attendance } from '../group/group.events';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  HoldMeetingResponse,
  IfPresent,
  OccurredAtField,
  sendResult,
  UuidParam,
  WRITERS,
} from '../shared/http';
import { HoldMeetingHandler } from './hold-meeting.handler';

const ATTENDANCE_KINDS = ['members', 'headcount'] as const;

/** Who came: the members present by their ids, or only how many people came. */
export class AttendanceDto {
  @ApiProperty({
    description: "'members': the members present are listed by personId; 'headcount': only how many came",
    enum: ATTENDANCE_KINDS,
    example: 'members',
  })
  @IsIn(ATTENDANCE_KINDS, { message: "attendance.kind must be 'members' or 'headcount'" })
  kind!: (typeof ATTENDANCE_KINDS)[number];

  @ApiPropertyOptional({
    description: "kind 'members': pseudonymous ids of the members present (each a member on that day)",
    type: [String],
    format: 'uuid',
  })
  @ValidateIf((a: AttendanceDto) => a.kind === 'members' || a.personIds !== undefined)
  @IsArray({ message: "personIds must be a list of member ids (kind 'members')" })
  @ArrayNotEmpty({ message: 'personIds must name at least one member' })
  @ArrayMaxSize(500, { message: 'personIds may list at most 500 members' })
  @ArrayUnique({ message: 'personIds lists a member twice' })
  @IsUUID('all', { each: true, message: 'each of personIds must be a UUID' })
  personIds?: string[];

  @ApiPropertyOptional({ description: "kind 'headcount': how many people came", minimum: 1, example: 7 })
  @ValidateIf((a: AttendanceDto) => a.kind === 'headcount' || a.headcount !== undefined)
  @IsInt({ message: "headcount must be a whole number (kind 'headcount')" })
  @Min(1, { message: 'headcount must be at least 1' })
  @Max(10_000, { message: 'headcount must be at most 10000' })
  headcount?: number;
}

export function toAttendance(dto: AttendanceDto): Attendance {
  return dto.kind === 'members'
    ? { kind: 'members', personIds: dto.personIds ?? [] }
    : { kind: 'headcount', headcount: dto.headcount ?? 0 };
}

export class HoldMeetingDto extends OccurredAtField {
  @ApiPropertyOptional({
    description: 'Id of the meeting. Left out, one is derived from the command (stable across retries)',
    format: 'uuid',
  })
  @IfPresent()
  @IsUUID('all', { message: 'meetingId must be a UUID' })
  meetingId?: string;

  @ApiProperty({ description: 'How many days the meeting lasted (PGR: 2, PGD and RGR: 1)', minimum: 1, maximum: 31 })
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be 1 to 31' })
  @Max(31, { message: 'days must be 1 to 31' })
  days!: number;

  @ApiProperty({ description: 'Who came', type: AttendanceDto })
  @IsObject({ message: 'attendance must be an object' })
  @ValidateNested()
  @Type(() => AttendanceDto)
  attendance!: AttendanceDto;

  @ApiPropertyOptional({
    description: 'Case teams (GGK, ZZK) only: whether the person or family supported took part',
    example: true,
  })
  @IfPresent()
  @IsBoolean({ message: 'clientPresent must be true or false' })
  clientPresent?: boolean;
}

@Controller(GROUPS_PATH)
export class HoldMeetingController {
  constructor(private readonly handler: HoldMeetingHandler) {}

  @Post(':groupId/meetings')
  @Roles(...WRITERS)
  @GroupWrite(
    'A body meets',
    '`occurredAt` is the (first) day of the meeting. Attendance lists members by id (each a member that day) ' +
      'or gives a headcount.',
    HoldMeetingResponse,
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  async hold(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Body() dto: HoldMeetingDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, attendance, ...meeting } = dto;
    return sendResult(
      res,
      await this.handler.execute(
        { ...meeting, groupId, attendance: toAttendance(attendance) },
        ctx,
        occurredAt,
        options,
      ),
    );
  }
}
