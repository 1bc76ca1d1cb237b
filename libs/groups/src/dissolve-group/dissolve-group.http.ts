import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
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
import { DissolveGroupHandler } from './dissolve-group.handler';

export class DissolveGroupDto extends OccurredAtField {}

@Controller(GROUPS_PATH)
export class DissolveGroupController {
  constructor(private readonly handler: DissolveGroupHandler) {}

  @Post(':groupId/dissolution')
  @Roles(...WRITERS)
  @GroupWrite(
    'Dissolve a body',
    '`occurredAt` is the last day of the body: its members count on that day, nobody after it. A dissolved body ' +
      'accepts corrections only.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  async dissolve(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Body() dto: DissolveGroupDto,
    @CommandCtx() ctx: CommandContext,
    @GroupWriteOptions() options: GroupCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendResult(res, await this.handler.execute({ groupId }, ctx, dto.occurredAt, options));
  }
}
