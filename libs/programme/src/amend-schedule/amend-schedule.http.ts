import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { ProjectPeriodDto, SOURCE_DESCRIPTION } from '../programme.dtos';
import {
  commandOptions,
  FactDto,
  PROGRAMME_ROUTE,
  respond,
  scoped,
  WriteEndpoint,
  WRITERS,
} from '../programme.http-support';
import { AmendScheduleHandler } from './amend-schedule.handler';

export class AmendScheduleDto extends FactDto {
  @ApiProperty({ description: 'The new period of the project', type: ProjectPeriodDto })
  @ValidateNested()
  @Type(() => ProjectPeriodDto)
  period!: ProjectPeriodDto;

  @ApiProperty({ description: `${SOURCE_DESCRIPTION}. Required: an amendment always has one`, example: 'aneks nr 5' })
  @IsString({ message: 'source must be a string' })
  @Length(1, 500, { message: 'source must be 1 to 500 characters' })
  source!: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class AmendScheduleController {
  constructor(private readonly handler: AmendScheduleHandler) {}

  @Post('schedule-amendments')
  @Roles(...WRITERS)
  @WriteEndpoint(
    'Amend the schedule (extend or move the project period), citing the source',
    'Dated inside the period in force before it. Facts of other contexts are checked against the amended period.',
  )
  async amend(
    @Body() dto: AmendScheduleDto,
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
