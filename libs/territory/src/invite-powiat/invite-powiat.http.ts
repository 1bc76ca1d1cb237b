import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { VOIVODESHIPS } from '../contracts/voivodeships';
import {
  commandOptions,
  FactDto,
  respond,
  scoped,
  TERRITORY_ROUTE,
  WriteEndpoint,
  WRITERS,
} from '../territory.http-support';
import { InvitePowiatHandler } from './invite-powiat.handler';

const VOIVODESHIP_NAMES = Object.keys(VOIVODESHIPS);

export class InvitePowiatDto extends FactDto {
  @ApiProperty({
    description: "The powiat's 4-digit TERYT code (61 and above: cities with powiat rights)",
    example: '2205',
  })
  @IsString({ message: 'teryt must be a string' })
  @Matches(/^\d{4}$/, { message: 'teryt must be a powiat TERYT code: 4 digits' })
  teryt!: string;

  @ApiProperty({ description: 'Name of the powiat', example: 'kartuski' })
  @IsString({ message: 'name must be a string' })
  @Length(1, 300, { message: 'name must be 1 to 300 characters' })
  name!: string;

  @ApiProperty({
    description: "Voivodeship by lower-case Polish name; must agree with the TERYT code and be one of the tenant's",
    enum: VOIVODESHIP_NAMES,
    example: 'pomorskie',
  })
  @IsIn(VOIVODESHIP_NAMES, { message: "voivodeship must be a lower-case Polish name, e.g. 'pomorskie'" })
  voivodeship!: string;
}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class InvitePowiatController {
  constructor(private readonly handler: InvitePowiatHandler) {}

  @Post('powiats')
  @Roles(...WRITERS)
  @WriteEndpoint('Invite a powiat to the project', "A tenant-editor may invite only in its token's voivodeships.")
  async invite(
    @Body() dto: InvitePowiatDto,
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
