import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import {
  commandOptions,
  FactDto,
  GminaTerytParam,
  respond,
  scoped,
  TERRITORY_ROUTE,
  WriteEndpoint,
  WRITERS,
} from '../territory.http-support';
import { DeclareParticipationHandler } from './declare-participation.handler';

export class DeclareParticipationDto extends FactDto {
  @ApiPropertyOptional({
    description: 'Reference of the declaration of cooperation (deklaracja współpracy), if it has one',
    example: 'DW/3/2019',
  })
  @IsOptional()
  @IsString({ message: 'declarationRef must be a string' })
  @Length(1, 300, { message: 'declarationRef must be 1 to 300 characters' })
  declarationRef?: string;
}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class DeclareParticipationController {
  constructor(private readonly handler: DeclareParticipationHandler) {}

  @Post('municipalities/:teryt/participation')
  @Roles(...WRITERS)
  @GminaTerytParam()
  @WriteEndpoint('The invited gmina declares its participation')
  async declare(
    @Param('teryt') teryt: string,
    @Body() dto: DeclareParticipationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, expectedRevision, ...input } = dto;
    return respond(
      res,
      await this.handler.execute(
        { teryt, ...input },
        scoped(ctx),
        occurredAt,
        commandOptions({ expectedRevision }, ifMatch),
      ),
    );
  }
}
