import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { leaveReasons, type LeaveReason } from '../contracts/catalogues';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  IfPresent,
  OccurredAtField,
  PERSONAL,
  sendResult,
  UuidParam,
  WRITERS,
} from '../shared/http';
import { LeaveGroupHandler } from './leave-group.handler';

export class LeaveGroupDto extends OccurredAtField {
  @ApiProperty({ description: 'Why the member left', enum: leaveReasons, example: 'changed-job' })
  @IsIn(leaveReasons, { message: `reason must be one of ${leaveReasons.join(', ')}` })
  reason!: LeaveReason;

  @ApiPropertyOptional({
    description: `Free-text note on the departure (it may say something about the person). ${PERSONAL}`,
    maxLength: 500,
    example: 'Przejście do pracy w PCPR',
  })
  @IfPresent()
  @IsString({ message: 'note must be text' })
  @Length(1, 500, { message: 'note must be 1 to 500 characters' })
  note?: string;
}

@Controller(GROUPS_PATH)
export class LeaveGroupController {
  constructor(private readonly handler: LeaveGroupHandler) {}

  @Post(':groupId/members/:personId/departure')
  @Roles(...WRITERS)
  @GroupWrite(
    'A member leaves a body',
    '`occurredAt` is the last day of membership: the person is a member on that day and not on the next.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  @ApiParam({ name: 'personId', format: 'uuid', description: "The member's pseudonymous id" })
  async leave(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Param('personId', new UuidParam('personId')) personId: string,
    @Body() dto: LeaveGroupDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, ...leaving } = dto;
    return sendResult(res, await this.handler.execute({ ...leaving, groupId, personId }, ctx, occurredAt, options));
  }
}
