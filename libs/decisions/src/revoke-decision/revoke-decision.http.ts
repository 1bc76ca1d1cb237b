import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { ReasonFields } from '../shared/reason';
import type { DecisionCommandOptions } from '../shared/run-decision-command';
import { DECISIONS_PATH, DecisionWrite, DecisionWriteOptions, sendResult, UuidParam, WRITERS } from '../shared/http';
import { RevokeDecisionHandler } from './revoke-decision.handler';

export class RevokeDecisionDto extends ReasonFields {}

@Controller(DECISIONS_PATH)
export class RevokeDecisionController {
  constructor(private readonly handler: RevokeDecisionHandler) {}

  @Post(':decisionId/revocation')
  @Roles(...WRITERS)
  @DecisionWrite('The body revokes a decision', 'Only an adopted decision is revoked (a proposal is rejected).')
  @ApiParam({ name: 'decisionId', format: 'uuid' })
  async revoke(
    @Param('decisionId', new UuidParam('decisionId')) decisionId: string,
    @Body() dto: RevokeDecisionDto,
    @CommandCtx() ctx: CommandContext,
    @DecisionWriteOptions() options: DecisionCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendResult(
      res,
      await this.handler.execute({ decisionId, reason: dto.reason }, ctx, dto.occurredAt, options),
    );
  }
}
