import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, IsString } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { SiteParams } from '../shared/http/params';
import { IsBusinessDate } from '../shared/http/validators';
import {
  BusinessFactDto,
  ExpectedRevision,
  PilotWrite,
  SiteCommandResultDto,
  commandResponse,
  editorScope,
  siteResult,
} from '../shared/http/write';
import { ReportPilotOutcomeHandler } from './report-pilot-outcome.handler';

export class ReportPilotOutcomeDto extends BusinessFactDto {
  @ApiProperty({ description: 'First day of the period reported (YYYY-MM-DD)', example: '2019-10-01' })
  @IsBusinessDate()
  periodStart!: string;

  @ApiProperty({
    description: 'Last day of the period reported; occurredAt (the report date) is on or after it',
    example: '2020-11-30',
  })
  @IsBusinessDate()
  periodEnd!: string;

  @ApiProperty({ description: 'Families enrolled in the period, as the report states', example: 12 })
  @IsInt({ message: 'familiesEnrolled must be a whole number' })
  familiesEnrolled!: number;

  @ApiProperty({ description: 'Individual plans completed in the period', example: 9 })
  @IsInt({ message: 'plansCompleted must be a whole number' })
  plansCompleted!: number;

  @ApiProperty({ description: 'Of those, completed successfully (at most plansCompleted)', example: 7 })
  @IsInt({ message: 'successes must be a whole number' })
  successes!: number;

  @ApiProperty({
    description:
      'PERSONAL DATA (free text typed by a person). The document the figures come from (1-200 characters); ' +
      'erasable, never shown in read models.',
    example: 'Raport z pilotażu, tab. 3',
    maxLength: 200,
    'x-personal-data': true,
  } as ApiPropertyOptions)
  @IsString({ message: 'source must name the document the figures come from' })
  source!: string;
}

@ApiTags('pilot: sites')
@Controller('api/v1/tenants/:tenantId/pilot/sites/:teryt/outcome-reports')
export class ReportPilotOutcomeController {
  constructor(private readonly handler: ReportPilotOutcomeHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({
    summary: "Record a site's pilot outcome for a period, as a report states it; occurredAt is the report date",
    description: 'Restating the latest report of a period with the same figures and source records nothing (200).',
  })
  @PilotWrite(SiteCommandResultDto)
  async report(
    @Param() params: SiteParams,
    @Body() dto: ReportPilotOutcomeDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SiteCommandResultDto> {
    const { occurredAt, ...figures } = dto;
    const result = await this.handler.execute(
      { teryt: params.teryt, ...figures, ...editorScope(ctx), expectedRevision },
      ctx,
      occurredAt,
    );
    return commandResponse(res, siteResult(result));
  }
}
