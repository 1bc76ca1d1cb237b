import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { ReasonFields } from '../shared/reason';
import type { DecisionCommandOptions } from '../shared/run-decision-command';
import { DECISIONS_PATH, DecisionWrite, DecisionWriteOptions, sendResult, UuidParam, WRITERS } from '../shared/http';
import { AmendDecisionHandler } from './amend-decision.handler';

export class AmendDecisionDto extends ReasonFields {
  @ApiProperty({ description: 'The new text in force', maxLength: 20_000 })
  @IsString({ message: 'text must be text' })
  @Length(1, 20_000, { message: 'text must be 1 to 20000 characters' })
  text!: string;
}

@Controller(DECISIONS_PATH)
export class AmendDecisionController {
  constructor(private readonly handler: AmendDecisionHandler) {}

  @Post(':decisionId/amendments')
  @Roles(...WRITERS)
  @DecisionWrite(
    'The body amends a decision',
    'The body changes the text of a proposal or of an adopted decision on `occurredAt`; `reason` says why.',
  )
  @ApiParam({ name: 'decisionId', format: 'uuid' })
  async amend(
    @Param('decisionId', new UuidParam('decisionId')) decisionId: string,
    @Body() dto: AmendDecisionDto,
    @CommandCtx() ctx: CommandContext,
    @DecisionWriteOptions() options: DecisionCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendResult(
      res,
      await this.handler.execute({ decisionId, text: dto.text, reason: dto.reason }, ctx, dto.occurredAt, options),
    );
  }
}
