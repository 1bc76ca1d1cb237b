import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { OutcomeDto, toOutcome } from '../shared/outcome';
import { ReasonFields } from '../shared/reason';
import type { DecisionCommandOptions } from '../shared/run-decision-command';
import {
  DECISIONS_PATH,
  DecisionWrite,
  DecisionWriteOptions,
  IfPresent,
  IsCalendarDay,
  sendResult,
  UuidParam,
} from '../shared/http';
import { CorrectDecisionRecordHandler } from './correct-decision-record.handler';

export class CorrectDecisionRecordDto extends ReasonFields {
  @ApiPropertyOptional({ description: 'The correct subject', maxLength: 300 })
  @IfPresent()
  @IsString({ message: 'subject must be text' })
  @Length(1, 300, { message: 'subject must be 1 to 300 characters' })
  subject?: string;

  @ApiPropertyOptional({ description: 'The correct text in force', maxLength: 20_000 })
  @IfPresent()
  @IsString({ message: 'text must be text' })
  @Length(1, 20_000, { message: 'text must be 1 to 20000 characters' })
  text?: string;

  @ApiPropertyOptional({ description: 'The correct day of adoption or rejection, YYYY-MM-DD' })
  @IfPresent()
  @IsCalendarDay()
  decidedOn?: string;

  @ApiPropertyOptional({ description: 'The correct effective day (adopted decisions), YYYY-MM-DD' })
  @IfPresent()
  @IsCalendarDay()
  effectiveOn?: string;

  @ApiPropertyOptional({ description: 'The correct outcome (e.g. votes miscounted)', type: OutcomeDto })
  @IfPresent()
  @IsObject({ message: 'outcome must be an object' })
  @ValidateNested()
  @Type(() => OutcomeDto)
  outcome?: OutcomeDto;
}

@Controller(DECISIONS_PATH)
export class CorrectDecisionRecordController {
  constructor(private readonly handler: CorrectDecisionRecordHandler) {}

  @Post(':decisionId/corrections')
  @Roles('tenant-admin')
  @DecisionWrite(
    "Correct a decision's record",
    'The record was wrong (a typo, votes miscounted, a wrong date); the body did nothing. Only the fields given ' +
      'change; `occurredAt` is the day of the correction. Tenant admins only.',
  )
  @ApiParam({ name: 'decisionId', format: 'uuid' })
  async correct(
    @Param('decisionId', new UuidParam('decisionId')) decisionId: string,
    @Body() dto: CorrectDecisionRecordDto,
    @CommandCtx() ctx: CommandContext,
    @DecisionWriteOptions() options: DecisionCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, outcome, ...correction } = dto;
    return sendResult(
      res,
      await this.handler.execute(
        { ...correction, ...(outcome !== undefined ? { outcome: toOutcome(outcome) } : {}), decisionId },
        ctx,
        occurredAt,
        options,
      ),
    );
  }
}
