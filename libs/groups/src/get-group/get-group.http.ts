import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, Roles, type RequestContext } from '@kooperacja/platform';
import { GROUPS_PATH, GroupRead, READERS, UuidParam } from '../shared/http';
import { GroupRecord } from './group-record';

@Controller(GROUPS_PATH)
export class GetGroupController {
  constructor(private readonly record: GroupRecord) {}

  @Get(':groupId')
  @Roles(...READERS)
  @GroupRead(
    "A group's record now",
    'The body as its event stream has it (no projection lag): details, every membership with its role spells, ' +
      'every meeting. Memberships carry personal data (fullName, email, phone) of professional members. ' +
      'The ETag is the revision to send back as If-Match.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  @ApiOkResponse({ description: 'The record' })
  @ApiNotFoundResponse({ description: 'No such group in this tenant' })
  async get(
    @Param('groupId', new UuidParam('groupId')) groupId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { group, revision } = await this.record.load(ctx.tenantId!, groupId);
    res.setHeader('ETag', `"${revision}"`);
    return {
      ...group.details,
      status: group.status,
      ...(group.dissolvedOn !== undefined ? { dissolvedOn: group.dissolvedOn } : {}),
      revision,
      memberships: group.memberships,
      meetings: group.meetings,
    };
  }

  @Get(':groupId/history')
  @Roles(...READERS)
  @GroupRead(
    "A group's history",
    'Every event of the group in order: stored type, revision, business date (occurredAt), when it was recorded, ' +
      'who recorded it (subject and role), and its data without personal fields.',
  )
  @ApiParam({ name: 'groupId', format: 'uuid' })
  @ApiOkResponse({ description: 'The events, oldest first' })
  @ApiNotFoundResponse({ description: 'No such group in this tenant' })
  async history(@Param('groupId', new UuidParam('groupId')) groupId: string, @Ctx() ctx: RequestContext) {
    return { groupId, ...(await this.record.history(ctx.tenantId!, groupId)) };
  }
}
