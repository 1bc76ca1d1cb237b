import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { INDICATOR_CODES, type IndicatorCode, type IndicatorUnit } from '../contracts/indicators';
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
import { SetIndicatorTargetHandler } from './set-indicator-target.handler';

const UNITS: IndicatorUnit[] = ['jst', 'entities', 'persons', 'families', 'plans', 'meetings', 'trainings'];

export class SetIndicatorTargetDto extends FactDto {
  @ApiProperty({ description: 'Indicator code from the catalogue', enum: INDICATOR_CODES, example: 'jst-in-pilot' })
  @IsIn(INDICATOR_CODES, { message: `indicator must be one of ${INDICATOR_CODES.join(', ')}` })
  indicator!: IndicatorCode;

  @ApiProperty({ description: 'Target value, a whole number', example: 50, minimum: 0 })
  @IsInt({ message: 'value must be a whole number' })
  @Min(0, { message: 'value must be 0 or more' })
  @Max(Number.MAX_SAFE_INTEGER, { message: 'value is too large' })
  value!: number;

  @ApiProperty({
    description: "What the indicator counts; must be the catalogue's unit for the indicator",
    enum: UNITS,
    example: 'jst',
  })
  @IsIn(UNITS, { message: `unit must be one of ${UNITS.join(', ')}` })
  unit!: IndicatorUnit;

  @ApiProperty({ description: `${SOURCE_DESCRIPTION}. Required`, example: 'wniosek o dofinansowanie (seed 000)' })
  @IsString({ message: 'source must be a string' })
  @Length(1, 500, { message: 'source must be 1 to 500 characters' })
  source!: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class SetIndicatorTargetController {
  constructor(private readonly handler: SetIndicatorTargetHandler) {}

  @Post('indicator-targets')
  @Roles(...WRITERS)
  @WriteEndpoint(
    'Set the target of an indicator, citing the source',
    'A later target for the same indicator supersedes the earlier one; both stay in the history.',
  )
  async set(
    @Body() dto: SetIndicatorTargetDto,
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
