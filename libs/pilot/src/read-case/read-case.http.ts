import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandRunner, Ctx, Roles, TENANT_ROLES, notFound, type RequestContext } from '@kooperacja/platform';
import { caseEventCatalogue } from '../case/case.catalogue';
import { caseDecider, type EnrolledCase } from '../case/case.decider';
import { caseSummary, type CaseSummary } from '../contracts/case-summary';
import { caseStreamId } from '../contracts/streams';
import { HistoryDto, historyOf } from '../shared/http/history';
import { CaseParams } from '../shared/http/params';
import { etagOf } from '../shared/http/write';
import { pseudonymousId } from '../shared/pseudonymous-id';

export class CaseViewDto {
  @ApiProperty({ example: 'mr1-KAR-0042' })
  caseId!: string;

  @ApiProperty({ description: 'Revision of the case stream (also the ETag); send it as If-Match to write', example: 6 })
  revision!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The case as the comparison reads it: status, dates, plans, meetings, support (no goal labels)',
  })
  summary!: CaseSummary;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The case state the write side decides on: diagnoses, plans with goals (codes only), meetings, support',
  })
  state!: EnrolledCase;
}

/** The write side's own view of one case, straight from its stream. */
@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId')
export class ReadCaseController {
  constructor(private readonly runner: CommandRunner) {}

  @Get()
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: 'A case: its current state and summary, from its stream; ETag is its revision' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiNotFoundResponse({ description: 'No case is enrolled under this id' })
  async get(
    @Param() params: CaseParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseViewDto> {
    const caseId = pseudonymousId(params.caseId, 'caseId', 'case');
    const { state, revision } = await this.runner.load(
      ctx.tenantId!,
      caseStreamId(caseId),
      caseDecider,
      caseEventCatalogue,
    );
    const summary = caseSummary(state);
    if (state.status === 'not-enrolled' || !summary)
      throw notFound('case.not-enrolled', 'no case is enrolled under this id');
    res.setHeader('ETag', etagOf(revision));
    return { caseId, revision, summary, state };
  }

  @Get('history')
  @Roles(...TENANT_ROLES)
  @ApiOperation({ summary: "A case's recorded events: type, revision, business and recording time, who (no data)" })
  @ApiOkResponse({ type: HistoryDto })
  @ApiNotFoundResponse({ description: 'No case is enrolled under this id' })
  async history(@Param() params: CaseParams, @Ctx() ctx: RequestContext): Promise<HistoryDto> {
    const caseId = pseudonymousId(params.caseId, 'caseId', 'case');
    const { history } = await this.runner.load(ctx.tenantId!, caseStreamId(caseId), caseDecider, caseEventCatalogue);
    if (history.length === 0) throw notFound('case.not-enrolled', 'no case is enrolled under this id');
    return historyOf(caseStreamId(caseId), history);
  }
}
