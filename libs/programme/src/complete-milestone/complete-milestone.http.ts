import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
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
import { CompleteMilestoneHandler } from './complete-milestone.handler';

export class CompleteMilestoneDto extends FactDto {
  @ApiProperty({
    description:
      'Number of the milestone: 1 (I, model designed and approved), 2 (II, pilot), 3 (III, recommendations)…',
    example: 1,
    minimum: 1,
    maximum: 20,
  })
  @IsInt({ message: 'milestone must be a whole number' })
  @Min(1, { message: 'milestone must be 1 (I) or more' })
  @Max(20, { message: 'milestone must be at most 20' })
  milestone!: number;

  @ApiPropertyOptional({ description: SOURCE_DESCRIPTION, example: 'protokół odbioru KM I' })
  @IsOptional()
  @IsString({ message: 'source must be a string' })
  @MaxLength(500, { message: 'source must be at most 500 characters' })
  source?: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class CompleteMilestoneController {
  constructor(private readonly handler: CompleteMilestoneHandler) {}

  @Post('milestones')
  @Roles(...WRITERS)
  @WriteEndpoint('Record that a milestone was completed', 'Each milestone is completed once (409 otherwise).')
  async complete(
    @Body() dto: CompleteMilestoneDto,
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
