import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsIn, IsInt } from 'class-validator';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { caseUnits, type CaseUnit } from '../contracts/vocabulary';
import { TenantParams } from '../shared/http/params';
import { IsPseudonymousId, IsTeryt } from '../shared/http/validators';
import {
  BusinessFactDto,
  CaseCommandResultDto,
  ExpectedRevision,
  PilotWrite,
  caseResult,
  commandResponse,
  editorScope,
} from '../shared/http/write';
import { EnrolCaseHandler } from './enrol-case.handler';

export class EnrolCaseDto extends BusinessFactDto {
  @ApiProperty({
    description:
      'Pseudonymous case id chosen by the site: a uuid or a code of 2-5 hyphen-separated letters/digits ending in a ' +
      'number. Never a name or a PESEL: those are refused.',
    example: 'mr1-KAR-0042',
  })
  @IsPseudonymousId('case')
  caseId!: string;

  @ApiProperty({
    description: 'TERYT code of the pilot site: a gmina (7 digits) or a powiat (4 digits)',
    example: '1805052',
  })
  @IsTeryt()
  siteTeryt!: string;

  @ApiProperty({ description: 'Persons in the household (1-20)', minimum: 1, maximum: 20, example: 4 })
  @IsInt({ message: 'householdSize must be a whole number' })
  householdSize!: number;

  @ApiProperty({
    description: "The model's case unit: ipw (macroregion I), ggk (II) or zzk (III)",
    enum: caseUnits,
    example: 'ipw',
  })
  @IsIn(caseUnits, { message: `caseUnit must be one of: ${caseUnits.join(', ')}` })
  caseUnit!: CaseUnit;
}

@ApiTags('pilot: cases')
@Controller('api/v1/tenants/:tenantId/pilot/cases')
export class EnrolCaseController {
  constructor(private readonly handler: EnrolCaseHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: 'Enrol a family in the pilot under a pseudonymous case id; occurredAt is the enrolment date',
  })
  @PilotWrite(CaseCommandResultDto)
  async enrol(
    @Param() _params: TenantParams,
    @Body() dto: EnrolCaseDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseCommandResultDto> {
    const { occurredAt, ...input } = dto;
    const result = await this.handler.execute({ ...input, ...editorScope(ctx), expectedRevision }, ctx, occurredAt);
    return commandResponse(res, caseResult(result));
  }
}
