import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { trainingTopics, type TrainingTopic } from '../contracts/vocabulary';
import { SiteParams } from '../shared/http/params';
import {
  BusinessFactDto,
  ExpectedRevision,
  PilotWrite,
  SiteCommandResultDto,
  commandResponse,
  editorScope,
  siteResult,
} from '../shared/http/write';
import { RecordTrainingHandler } from './record-training.handler';

export class RecordTrainingDto extends BusinessFactDto {
  @ApiProperty({ description: 'Topic of the training', enum: trainingTopics, example: 'case-team-work' })
  @IsIn(trainingTopics, { message: `topic must be one of: ${trainingTopics.join(', ')}` })
  topic!: TrainingTopic;

  @ApiProperty({ description: 'Hours of training, a course of several days included (at most 200)', example: 16 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'hours must be a number' })
  hours!: number;

  @ApiProperty({ description: 'Staff who took part (1-200)', example: 24 })
  @IsInt({ message: 'participants must be a whole number' })
  participants!: number;
}

@ApiTags('pilot: sites')
@Controller('api/v1/tenants/:tenantId/pilot/sites/:teryt/trainings')
export class RecordTrainingController {
  constructor(private readonly handler: RecordTrainingHandler) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  @ApiOperation({ summary: 'Record a training held for the staff of a pilot site; occurredAt is its (last) day' })
  @PilotWrite(SiteCommandResultDto)
  async record(
    @Param() params: SiteParams,
    @Body() dto: RecordTrainingDto,
    @CommandCtx() ctx: CommandContext,
    @ExpectedRevision() expectedRevision: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SiteCommandResultDto> {
    const result = await this.handler.execute(
      {
        teryt: params.teryt,
        topic: dto.topic,
        hours: dto.hours,
        participants: dto.participants,
        ...editorScope(ctx),
        expectedRevision,
      },
      ctx,
      dto.occurredAt,
    );
    return commandResponse(res, siteResult(result));
  }
}
