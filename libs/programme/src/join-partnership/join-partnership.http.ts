import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { PartnerDto, SOURCE_DESCRIPTION } from '../programme.dtos';
import {
  commandOptions,
  FactDto,
  PROGRAMME_ROUTE,
  respond,
  scoped,
  WriteEndpoint,
  WRITERS,
} from '../programme.http-support';
import { JoinPartnershipHandler } from './join-partnership.handler';

export class JoinPartnershipDto extends FactDto {
  @ApiProperty({ description: 'The institution joining the partnership', type: PartnerDto })
  @ValidateNested()
  @Type(() => PartnerDto)
  partner!: PartnerDto;

  @ApiPropertyOptional({ description: SOURCE_DESCRIPTION, example: 'aneks nr 2 do umowy partnerskiej' })
  @IsOptional()
  @IsString({ message: 'source must be a string' })
  @MaxLength(500, { message: 'source must be at most 500 characters' })
  source?: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class JoinPartnershipController {
  constructor(private readonly handler: JoinPartnershipHandler) {}

  @Post('partners')
  @Roles(...WRITERS)
  @WriteEndpoint(
    'A partner joins the partnership',
    "A tenant-editor must cover every one of the partner's voivodeships (403 otherwise).",
  )
  async join(
    @Body() dto: JoinPartnershipDto,
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
