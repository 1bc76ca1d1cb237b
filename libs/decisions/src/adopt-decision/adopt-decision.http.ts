import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  IfPresent,
  IsCalendarDay,
  OccurredAtField,
  sendResult,
  UuidParam,
  WRITERS,
} from '../shared/http';
import { AdoptDecisionHandler } from './adopt-decision.handler';

export class AdoptDecisionDto extends OccurredAtField {
  @ApiProperty({
    description: 'How the body adopted it: consensus, or a vote with more votes for than against',
    type: OutcomeDto,
  })
  @IsObject({ message: 'outcome must be an object' })
  @ValidateNested()
  @Type(() => OutcomeDto)
  outcome!: OutcomeDto;

  @ApiPropertyOptional({ description: 'From when the decision applies, YYYY-MM-DD (default: the adoption day)' })
  @IfPresent()
  @IsCalendarDay()
  effectiveOn?: string;
}

@Controller(DECISIONS_PATH)
export class AdoptDecisionController {
  constructor(private readonly handler: AdoptDecisionHandler) {}

  @Post(':decisionId/adoption')
  @Roles(...WRITERS)
  @DecisionWrite(
    'The body adopts a decision',
    '`occurredAt` is the day of adoption. A vote may not count more votes than the body had members that day ' +
      '(409 decision.votes-exceed-membership) and needs more votes for than against (400 decision.votes-do-not-adopt).',
  )
  @ApiParam({ name: 'decisionId', format: 'uuid' })
  async adopt(
    @Param('decisionId', new UuidParam('decisionId')) decisionId: string,
    @Body() dto: AdoptDecisionDto,
    @CommandCtx() ctx: CommandContext,
    @DecisionWriteOptions() options: DecisionCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, outcome, effectiveOn } = dto;
    return sendResult(
      res,
      await this.handler.execute(
        { decisionId, outcome: toOutcome(outcome), ...(effectiveOn !== undefined ? { effectiveOn } : {}) },
        ctx,
        occurredAt,
        options,
      ),
    );
  }
}
