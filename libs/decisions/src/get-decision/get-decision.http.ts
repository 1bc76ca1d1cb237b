import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, Roles, type RequestContext } from '@kooperacja/platform';
import { DECISIONS_PATH, DecisionRead, READERS, UuidParam } from '../shared/http';
import { DecisionRecord } from './decision-record';

@Controller(DECISIONS_PATH)
export class GetDecisionController {
  constructor(private readonly record: DecisionRecord) {}

  @Get(':decisionId')
  @Roles(...READERS)
  @DecisionRead(
    "A decision's record now",
    'The decision as its event stream has it (no projection lag): status, body, subject, the text in force, ' +
      'amendments, outcome and dates. The ETag is the revision to send back as If-Match.',
  )
  @ApiParam({ name: 'decisionId', format: 'uuid' })
  @ApiOkResponse({ description: 'The record' })
  @ApiNotFoundResponse({ description: 'No such decision in this tenant' })
  async get(
    @Param('decisionId', new UuidParam('decisionId')) decisionId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { decision, revision } = await this.record.load(ctx.tenantId!, decisionId);
    res.setHeader('ETag', `"${revision}"`);
    return { ...decision, revision };
  }

  @Get(':decisionId/history')
  @Roles(...READERS)
  @DecisionRead(
    "A decision's history",
    'Every event of the decision in order: stored type, revision, business date (occurredAt), when it was ' +
      'recorded, who recorded it (subject and role), and its data.',
  )
  @ApiParam({ name: 'decisionId', format: 'uuid' })
  @ApiOkResponse({ description: 'The events, oldest first' })
  @ApiNotFoundResponse({ description: 'No such decision in this tenant' })
  async history(@Param('decisionId', new UuidParam('decisionId')) decisionId: string, @Ctx() ctx: RequestContext) {
    return { decisionId, ...(await this.record.history(ctx.tenantId!, decisionId)) };
  }
}
