import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
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
import { LeavePartnershipHandler } from './leave-partnership.handler';

export class LeavePartnershipDto extends FactDto {
  @ApiPropertyOptional({
    description: 'Why the partner left (must not name people)',
    example: 'uchwała Zarządu Województwa',
  })
  @IsOptional()
  @IsString({ message: 'reason must be a string' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason?: string;

  @ApiPropertyOptional({ description: SOURCE_DESCRIPTION, example: 'aneks nr 4 do umowy partnerskiej' })
  @IsOptional()
  @IsString({ message: 'source must be a string' })
  @MaxLength(500, { message: 'source must be at most 500 characters' })
  source?: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class LeavePartnershipController {
  constructor(private readonly handler: LeavePartnershipHandler) {}

  /** A departure is a fact with a date and a reason, so it is recorded (POST), not a DELETE of the partner. */
  @Post('partners/:partnerId/departure')
  @Roles(...WRITERS)
  @ApiParam({ name: 'partnerId', description: 'Slug of the partner leaving', example: 'rops-gdansk' })
  @WriteEndpoint(
    'A partner leaves the partnership',
    'The lead cannot leave. The membership stays in the history with the day it ended.',
  )
  async leave(
    @Param('partnerId') partnerId: string,
    @Body() dto: LeavePartnershipDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, expectedRevision, ...rest } = dto;
    return respond(
      res,
      await this.handler.execute(
        { partnerId, ...rest },
        scoped(ctx),
        occurredAt,
        commandOptions({ expectedRevision }, ifMatch),
      ),
    );
  }
}
