import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import {
  diagnosisAreas,
  diagnosisWaiverReasons,
  planTypes,
  sectors,
  type DiagnosisArea,
  type DiagnosisWaiverReason,
  type PlanType,
  type Sector,
} from '../contracts/vocabulary';
import { CaseParams } from '../shared/http/params';
import {
  BusinessFactDto,
  CaseCommandResultDto,
  ExpectedRevision,
  PilotWrite,
  caseResult,
  commandResponse,
  editorScope,
} from '../shared/http/write';
import { AgreeIndividualPlanHandler } from './agree-individual-plan.handler';

export class PlanGoalDto {
  @ApiProperty({
    description: 'Short code of the goal, local to the plan (lower-case letters, digits, hyphens); never a name',
    example: 'g1',
  })
  @IsString({ message: 'goalId must be a short code such as g1' })
  goalId!: string;

  @ApiProperty({ description: 'Diagnosis area the goal addresses', enum: diagnosisAreas, example: 'housing' })
  @IsIn(diagnosisAreas, { message: `area must be one of: ${diagnosisAreas.join(', ')}` })
  area!: DiagnosisArea;

  @ApiPropertyOptional({
    description:
      'PERSONAL DATA. A short label of the goal (1-80 characters), written about a family: it may name someone. ' +
      'Stored in an erasable field, never shown in read models, summaries or exports.',
    example: 'Mieszkanie socjalne do końca roku',
    maxLength: 80,
    'x-personal-data': true,
  } as ApiPropertyOptions)
  @IsOptional()
  @IsString({ message: 'label must be a short text' })
  label?: string;
}

export class ResponsibleInstitutionDto {
  @ApiProperty({
    description: 'The institution: a uuid or a lower-case registry code such as pup-kartuzy',
    example: 'pup-kartuzy',
  })
  @IsString({ message: 'institutionId must be a uuid or a lower-case code' })
  institutionId!: string;

  @ApiProperty({ description: 'Its sector (the groups context’s codes)', enum: sectors, example: 'labour-office' })
  @IsIn(sectors, { message: `sector must be one of: ${sectors.join(', ')}` })
  sector!: Sector;
}

export class AgreeIndividualPlanDto extends BusinessFactDto {
  @ApiProperty({
    description: "Which document the plan is: the model's own (ipw, ggk-goals, zzk-plan) or a kontrakt socjalny",
    enum: planTypes,
    example: 'ipw',
  })
  @IsIn(planTypes, { message: `planType must be one of: ${planTypes.join(', ')}` })
  planType!: PlanType;

  @ApiProperty({ description: 'Goals of the plan (1-20)', type: [PlanGoalDto] })
  @IsArray({ message: 'goals must be a list' })
  @ArrayNotEmpty({ message: 'a plan needs at least one goal' })
  @ValidateNested({ each: true })
  @Type(() => PlanGoalDto)
  goals!: PlanGoalDto[];

  @ApiProperty({
    description: 'Institutions responsible for parts of the plan (1-30)',
    type: [ResponsibleInstitutionDto],
  })
  @IsArray({ message: 'responsibleInstitutions must be a list' })
  @ArrayNotEmpty({ message: 'name at least one responsible institution' })
  @ValidateNested({ each: true })
  @Type(() => ResponsibleInstitutionDto)
  responsibleInstitutions!: ResponsibleInstitutionDto[];

  @ApiPropertyOptional({
    description: 'Only for a plan agreed without a diagnosis: the documented reason for the exception',
    enum: diagnosisWaiverReasons,
    example: 'crisis-intervention',
  })
  @IsOptional()
  @IsIn(diagnosisWaiverReasons, { message: `diagnosisWaiver must be one of: ${diagnosisWaiverReasons.join(', ')}` })
  diagnosisWaiver?: DiagnosisWaiverReason;
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases/:caseId/plan')
export class AgreeIndividualPlanController {
  constructor(private readonly handler: AgreeIndividualPlanHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Record the individual plan agreed for a case (IPW, GGK goals, ZZK plan or kontrakt socjalny)',
    description: 'occurredAt is the day the plan was agreed. Goal labels are personal data (see the schema).',
  })
  @PilotWrite(CaseCommandResultDto)
  async agree(
    @Param() params: CaseParams,
    @Body() dto: AgreeIndividualPlanDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const result = await this.handler.execute(
      {
        caseId: params.caseId,
        planType: dto.planType,
        goals: dto.goals.map((g) => ({
          goalId: g.goalId,
          area: g.area,
          ...(g.label !== undefined ? { label: g.label } : {}),
        })),
        responsibleInstitutions: dto.responsibleInstitutions.map((i) => ({
          institutionId: i.institutionId,
          sector: i.sector,
        })),
        diagnosisWaiver: dto.diagnosisWaiver,
        ...editorScope(ctx),
        expectedRevision,
      },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, caseResult(result));
  }
}
