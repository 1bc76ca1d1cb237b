import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { OutcomeDto, toOutcome } from '../shared/outcome';
import type { DecisionCommandOptions } from '../shared/run-decision-command';
import {
  DECISIONS_PATH,
  DecisionWrite,
  DecisionWriteOptions,
  OccurredAtField,
  sendResult,
  UuidParam,
  WRITERS,
} from '../shared/http';
import { RejectDecisionHandler } from './reject-decision.handler';

export class RejectDecisionDto extends OccurredAtField {
  @ApiProperty({ description: 'How the body rejected it: consensus, or a vote', type: OutcomeDto })
  @IsObject({ message: 'outcome must be an object' })
  @ValidateNested()
  @Type(() => OutcomeDto)
  outcome!: OutcomeDto;
}

@Controller(DECISIONS_PATH)
export class RejectDecisionController {
  constructor(private readonly handler: RejectDecisionHandler) {}

  @Post(':decisionId/rejection')
  @Roles(...WRITERS)
  @DecisionWrite(
    'The body rejects a proposal',
    '`occurredAt` is the day of rejection. A vote may not count more votes than the body had members that day.',
  )
  @ApiParam({ name: 'decisionId', format: 'uuid' })
  async reject(
    @Param('decisionId', new UuidParam('decisionId')) decisionId: string,
    @Body() dto: RejectDecisionDto,
    @CommandCtx() ctx: CommandContext,
    @DecisionWriteOptions() options: DecisionCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendResult(
      res,
      await this.handler.execute({ decisionId, outcome: toOutcome(dto.outcome) }, ctx, dto.occurredAt, options),
    );
  }
}
