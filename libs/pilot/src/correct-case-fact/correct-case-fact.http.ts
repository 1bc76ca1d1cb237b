import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import type { CaseCorrection } from '../case/case.events';
import { correctionReasons, planOutcomes, type CorrectionReason, type PlanOutcome } from '../contracts/vocabulary';
import { CaseParams } from '../shared/http/params';
import { IsBusinessDate } from '../shared/http/validators';
import {
  BusinessFactDto,
  CaseCommandResultDto,
  ExpectedRevision,
  PilotWrite,
  caseResult,
  commandResponse,
  editorScope,
} from '../shared/http/write';
import { CorrectCaseFactHandler } from './correct-case-fact.handler';

type Fact = CaseCorrection['fact'];
const correctionFacts = [
  'household-size',
  'enrolment-date',
  'plan-outcome',
  'meeting-voided',
  'support-voided',
] as const satisfies readonly Fact[];

/** A field of one kind of correction: required for that kind, refused with any other. */
function PartOf(fact: Fact) {
  return (target: object, property: string) => {
    ValidateIf((o: CaseCorrectionDto, value: unknown) => o.fact === fact || value !== undefined)(target, property);
    ValidateBy({
      name: 'partOfCorrection',
      validator: {
        validate: (_: unknown, args?: ValidationArguments) => (args?.object as CaseCorrectionDto).fact === fact,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} belongs to a ${fact} correction only`,
      },
    })(target, property);
  };
}

export class CaseCorrectionDto {
  @ApiProperty({
    description:
      'What is corrected: household-size (householdSize), enrolment-date (enrolledOn), plan-outcome (planNo, ' +
      'outcome), meeting-voided (meetingNo) or support-voided (supportNo). Voided entries stay in history ' +
      'and leave every count.',
    enum: correctionFacts,
    example: 'meeting-voided',
  })
  @IsIn(correctionFacts, { message: `fact must be one of: ${correctionFacts.join(', ')}` })
  fact!: Fact;

  @ApiPropertyOptional({ description: 'household-size: the right size (1-20)', example: 5 })
  @PartOf('household-size')
  @IsInt({ message: 'householdSize must be a whole number' })
  householdSize?: number;

  @ApiPropertyOptional({ description: 'enrolment-date: the right enrolment date (YYYY-MM-DD)', example: '2019-09-02' })
  @PartOf('enrolment-date')
  @IsBusinessDate()
  enrolledOn?: string;

  @ApiPropertyOptional({ description: 'plan-outcome: the plan whose outcome is corrected', example: 1 })
  @PartOf('plan-outcome')
  @IsInt({ message: 'planNo must be the number of a completed plan of the case' })
  planNo?: number;

  @ApiPropertyOptional({ description: 'plan-outcome: the right outcome', enum: planOutcomes, example: 'partial' })
  @PartOf('plan-outcome')
  @IsIn(planOutcomes, { message: `outcome must be one of: ${planOutcomes.join(', ')}` })
  outcome?: PlanOutcome;

  @ApiPropertyOptional({ description: 'meeting-voided: the meeting recorded in error (its meetingNo)', example: 2 })
  @PartOf('meeting-voided')
  @IsInt({ message: 'meetingNo must be the number of a meeting of the case' })
  meetingNo?: number;

  @ApiPropertyOptional({ description: 'support-voided: the delivery recorded in error (its supportNo)', example: 3 })
  @PartOf('support-voided')
  @IsInt({ message: 'supportNo must be the number of a support delivery of the case' })
  supportNo?: number;
}

export class CorrectCaseFactDto extends BusinessFactDto {
  @ApiProperty({ description: 'Why the record is corrected', enum: correctionReasons, example: 'duplicate-entry' })
  @IsIn(correctionReasons, { message: `reason must be one of: ${correctionReasons.join(', ')}` })
  reason!: CorrectionReason;

  @ApiProperty({ description: 'The correction', type: CaseCorrectionDto })
  @IsDefined({ message: 'correction is required' })
  @IsObject({ message: 'correction must be an object' })
  @ValidateNested()
  @Type(() => CaseCorrectionDto)
  correction!: CaseCorrectionDto;
}

function toCorrection(c: CaseCorrectionDto): CaseCorrection {
  switch (c.fact) {
    case 'household-size':
      return { fact: c.fact, householdSize: c.householdSize! };
    case 'enrolment-date':
      return { fact: c.fact, enrolledOn: c.enrolledOn! };
    case 'plan-outcome':
      return { fact: c.fact, planNo: c.planNo!, outcome: c.outcome! };
    case 'meeting-voided':
      return { fact: c.fact, meetingNo: c.meetingNo! };
    case 'support-voided':
      return { fact: c.fact, supportNo: c.supportNo! };
  }
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/corrections')
export class CorrectCaseFactController {
  constructor(private readonly handler: CorrectCaseFactHandler) {}

  @Post()
  @Roles('tenant-admin')
  @ApiOperation({
    summary: 'Correct a recorded fact of a case, also after it was closed (tenant admin only)',
    description: 'History is never rewritten: the correction is a new event. occurredAt is the day of the correction.',
  })
  @PilotWrite(CaseCommandResultDto)
  async correct(
    @Param() params: CaseParams,
    @Body() dto: CorrectCaseFactDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      {
        caseId: params.caseId,
        reason: dto.reason,
        correction: toCorrection(dto.correction),
        ...editorScope(ctx),
        expectedRevision,
      },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
