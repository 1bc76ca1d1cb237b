import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import type { DecisionCommandOptions } from '../shared/run-decision-command';
import {
  DECISIONS_PATH,
  DecisionWrite,
  DecisionWriteOptions,
  IfPresent,
  OccurredAtField,
  sendResult,
  WRITERS,
} from '../shared/http';
import { ProposeDecisionHandler } from './propose-decision.handler';

export class ProposeDecisionDto extends OccurredAtField {
  @ApiPropertyOptional({
    description: 'Id of the new decision. Left out, one is derived from the command (stable across retries)',
    format: 'uuid',
  })
  @IfPresent()
  @IsUUID('all', { message: 'decisionId must be a UUID' })
  decisionId?: string;

  @ApiProperty({ description: 'The body (group) the proposal is put to', format: 'uuid' })
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId!: string;

  @ApiProperty({
    description: 'What the decision is about (searchable in the decisions log)',
    maxLength: 300,
    example: 'Przyjęcie koszyka usług dla gminy Kartuzy',
  })
  @IsString({ message: 'subject must be text' })
  @Length(1, 300, { message: 'subject must be 1 to 300 characters' })
  subject!: string;

  @ApiProperty({
    description: 'The text proposed',
    maxLength: 20_000,
    example: 'PZK przyjmuje koszyk usług w brzmieniu załącznika nr 1.',
  })
  @IsString({ message: 'text must be text' })
  @Length(1, 20_000, { message: 'text must be 1 to 20000 characters' })
  text!: string;
}

@Controller(DECISIONS_PATH)
export class ProposeDecisionController {
  constructor(private readonly handler: ProposeDecisionHandler) {}

  @Post()
  @Roles(...WRITERS)
  @DecisionWrite(
    'Put a proposal to a body',
    '`occurredAt` is the day the proposal was put to the body, which must exist (convened, not dissolved) that day. ' +
      'A tenant editor may do so for bodies in the voivodeships of its token only.',
  )
  async propose(
    @Body() dto: ProposeDecisionDto,
    @CommandCtx() ctx: CommandContext,
    @DecisionWriteOptions() options: DecisionCommandOptions,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, ...input } = dto;
    return sendResult(res, await this.handler.execute(input, ctx, occurredAt, options));
  }
}
