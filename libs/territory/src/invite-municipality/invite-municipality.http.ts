import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext, type MunicipalityType } from '@kooperacja/platform';
import { VOIVODESHIPS } from '../contracts/voivodeships';
import { MUNICIPALITY_TYPES } from '../municipality/municipality.decider';
import {
  commandOptions,
  FactDto,
  respond,
  scoped,
  TERRITORY_ROUTE,
  WriteEndpoint,
  WRITERS,
} from '../territory.http-support';
import { InviteMunicipalityHandler } from './invite-municipality.handler';

const VOIVODESHIP_NAMES = Object.keys(VOIVODESHIPS);

export class TypeExceptionDto {
  @ApiProperty({
    description: "Why a gmina of another type than the macroregion's model is invited anyway",
    example: 'partner gminy miejskiej Białogard w PZK',
  })
  @IsString({ message: 'reason must be a string' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

export class InviteMunicipalityDto extends FactDto {
  @ApiProperty({
    description: "The gmina's 7-digit TERYT code; the last digit is its kind: 1 urban, 2 rural, 3 urban-rural",
    example: '2205023',
  })
  @IsString({ message: 'teryt must be a string' })
  @Matches(/^\d{6}[123]$/, {
    message: 'teryt must be a gmina TERYT code: 7 digits ending in 1 (urban), 2 (rural) or 3 (urban-rural)',
  })
  teryt!: string;

  @ApiProperty({ description: 'Name of the gmina', example: 'Kartuzy' })
  @IsString({ message: 'name must be a string' })
  @Length(1, 300, { message: 'name must be 1 to 300 characters' })
  name!: string;

  @ApiProperty({
    description: 'Type of the gmina; must agree with the TERYT kind',
    enum: MUNICIPALITY_TYPES,
    example: 'urban-rural',
  })
  @IsIn(MUNICIPALITY_TYPES, { message: `type must be one of ${MUNICIPALITY_TYPES.join(', ')}` })
  type!: MunicipalityType;

  @ApiProperty({ description: 'Name of the powiat the gmina lies in', example: 'kartuski' })
  @IsString({ message: 'powiat must be a string' })
  @Length(1, 300, { message: 'powiat must be 1 to 300 characters' })
  powiat!: string;

  @ApiProperty({
    description: "Voivodeship by lower-case Polish name; must agree with the TERYT code and be one of the tenant's",
    enum: VOIVODESHIP_NAMES,
    example: 'pomorskie',
  })
  @IsIn(VOIVODESHIP_NAMES, { message: "voivodeship must be a lower-case Polish name, e.g. 'pomorskie'" })
  voivodeship!: string;

  @ApiPropertyOptional({
    description: "Only for a gmina whose type differs from the macroregion's model: why it is invited anyway",
    type: TypeExceptionDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TypeExceptionDto)
  typeException?: TypeExceptionDto;
}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class InviteMunicipalityController {
  constructor(private readonly handler: InviteMunicipalityHandler) {}

  @Post('municipalities')
  @Roles(...WRITERS)
  @WriteEndpoint(
    'Invite a gmina to the project',
    "Starts the gmina's stream (expectedRevision -1). A tenant-editor may invite only in its voivodeships.",
  )
  async invite(
    @Body() dto: InviteMunicipalityDto,
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
