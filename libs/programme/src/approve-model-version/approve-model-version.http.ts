import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { MINISTRY_OPINIONS, type MinistryOpinion } from '../contracts/project.view';
import { SOURCE_DESCRIPTION } from '../programme.dtos';
import {
  commandOptions,
  FactDto,
  PROGRAMME_ROUTE,
  respond,
  scoped,
  WriteEndpoint,
  WRITERS,
} from '../programme.http-support';
import { ApproveModelVersionHandler } from './approve-model-version.handler';

export class ApproveModelVersionDto extends FactDto {
  @ApiProperty({ description: 'Version of the cooperation model approved', example: '1.0' })
  @IsString({ message: 'version must be a string' })
  @Length(1, 50, { message: 'version must be 1 to 50 characters' })
  version!: string;

  @ApiProperty({
    description: 'The approving body (an institution, not a person)',
    example: 'Komitet Sterujący',
  })
  @IsString({ message: 'approvedBy must be a string' })
  @Length(1, 300, { message: 'approvedBy must be 1 to 300 characters' })
  approvedBy!: string;

  @ApiProperty({ description: "The ministry's opinion", enum: MINISTRY_OPINIONS, example: 'positive' })
  @IsIn(MINISTRY_OPINIONS, { message: `ministryOpinion must be one of ${MINISTRY_OPINIONS.join(', ')}` })
  ministryOpinion!: MinistryOpinion;

  @ApiPropertyOptional({ description: SOURCE_DESCRIPTION, example: 'pismo MRPiPS z 2019-03-15' })
  @IsOptional()
  @IsString({ message: 'source must be a string' })
  @MaxLength(500, { message: 'source must be at most 500 characters' })
  source?: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class ApproveModelVersionController {
  constructor(private readonly handler: ApproveModelVersionHandler) {}

  @Post('model-approvals')
  @Roles(...WRITERS)
  @WriteEndpoint('Record the approval of a version of the cooperation model', 'Each version is approved once.')
  async approve(
    @Body() dto: ApproveModelVersionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, expectedRevision, ...input } = dto;
    return respond(
      res,
      await this.handler.execute(input, scoped(ctx), occurredAt, commandOptions({ expectedRevision }, ifMatch)),
    );
  }
}
