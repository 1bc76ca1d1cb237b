import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { memberRoles, type MemberRole } from '../contracts/catalogues';
import type { GroupCommandOptions } from '../shared/run-group-command';
import {
  GROUPS_PATH,
  GroupWrite,
  GroupWriteOptions,
  OccurredAtField,
  sendResult,
  UuidParam,
  WRITERS,
} from '../shared/http';
import { ChangeMemberRoleHandler } from './change-member-role.handler';

export class ChangeMemberRoleDto extends OccurredAtField {
  @ApiProperty({
    description: "The member's role from `occurredAt` on (a client's role never changes)",
    enum: memberRoles,
    example: 'chair',
  })
  @IsIn(memberRoles, { message: `role must be one of ${memberRoles.join(', ')}` })
  role!: MemberRole;
}

@Controller(GROUPS_PATH)
export class ChangeMemberRoleController {
  constructor(private readonly handler: ChangeMemberRoleHandler) {}

  @Post(':groupId/members/:personId/role')
  @Roles(...WRITERS)
  @GroupWrite('A member takes another role', '`occurredAt` is the first day in the new role.')
  @ApiParam({ name: 'groupId', format: 'uuid' })
  @ApiParam({ name: 'personId', format: 'uuid', description: "The member's pseudonymous id" })
  async changeRole(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Param('personId', new UuidParam('personId')) personId: string,
    @Body() dto: ChangeMemberRoleDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendResult(
      res,
      await this.handler.execute({ groupId, personId, role: dto.role }, ctx, dto.occurredAt, options),
    );
  }
}
