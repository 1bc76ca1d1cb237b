import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Ctx, Roles, ValidationFailedException, type RequestContext } from '@kooperacja/platform';
import { decisionStatuses, type DecisionStatus } from '../contracts/read-model';
import { DECISIONS_PATH, DecisionRead, IfPresent, IsCalendarDay, READERS } from '../shared/http';
import { DecisionsLogQuery } from './decisions-log.query';

export class DecisionsLogQueryDto {
  @ApiPropertyOptional({ description: 'Only decisions of this body (group)', format: 'uuid' })
  @IfPresent()
  @IsUUID('all', { message: 'groupId must be a UUID' })
  groupId?: string;

  @ApiPropertyOptional({
    description: 'Only decisions whose subject contains this text (case-insensitive)',
    maxLength: 300,
  })
  @IfPresent()
  @IsString({ message: 'subject must be text' })
  @Length(1, 300, { message: 'subject must be 1 to 300 characters' })
  subject?: string;

  @ApiPropertyOptional({
    description: "From this day, YYYY-MM-DD, inclusive: the decision's day, or the proposal's while undecided",
    example: '2019-01-01',
  })
  @IfPresent()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this day, YYYY-MM-DD, inclusive', example: '2019-12-31' })
  @IfPresent()
  @IsCalendarDay()
  to?: string;

  @ApiPropertyOptional({ description: 'Only decisions in this status', enum: decisionStatuses })
  @IfPresent()
  @IsIn(decisionStatuses, { message: `status must be one of ${decisionStatuses.join(', ')}` })
  status?: DecisionStatus;

  @ApiPropertyOptional({ description: 'Page number, from 1', minimum: 1, default: 1 })
  @IfPresent()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  page?: number;

  @ApiPropertyOptional({ description: 'Decisions per page', minimum: 1, maximum: 500, default: 50 })
  @IfPresent()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be 1 to 500' })
  @Max(500, { message: 'pageSize must be 1 to 500' })
  pageSize?: number;
}

/** Read model: the decisions log. May lag the writes slightly. */
@Controller(DECISIONS_PATH)
export class DecisionsLogController {
  constructor(private readonly query: DecisionsLogQuery) {}

  @Get()
  @Roles(...READERS)
  @DecisionRead(
    'The decisions log',
    'The tenant’s decisions, newest first, filterable by body (groupId), subject (case-insensitive contains), ' +
      "date range (the decision's day, or the proposal's while undecided) and status. From the read model.",
  )
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  async list(@Query() q: DecisionsLogQueryDto, @Ctx() ctx: RequestContext) {
    if (q.from && q.to && q.from > q.to) {
      throw new ValidationFailedException([{ field: 'to', reason: 'to must be on or after from' }]);
    }
    return this.query.list(ctx.tenantId!, {
      groupId: q.groupId?.toLowerCase(),
      subject: q.subject,
      from: q.from,
      to: q.to,
      status: q.status,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 50,
    });
  }
}
