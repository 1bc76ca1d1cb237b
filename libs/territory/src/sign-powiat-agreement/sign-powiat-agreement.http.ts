import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import {
  commandOptions,
  FactDto,
  PowiatTerytParam,
  respond,
  scoped,
  TERRITORY_ROUTE,
  WriteEndpoint,
  WRITERS,
} from '../territory.http-support';
import { SignPowiatAgreementHandler } from './sign-powiat-agreement.handler';

export class SignPowiatAgreementDto extends FactDto {
  @ApiProperty({ description: 'Number or reference of the agreement', example: 'POR/P/2/2019' })
  @IsString({ message: 'agreementRef must be a string' })
  @Length(1, 300, { message: 'agreementRef must be 1 to 300 characters' })
  agreementRef!: string;
}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class SignPowiatAgreementController {
  constructor(private readonly handler: SignPowiatAgreementHandler) {}

  @Post('powiats/:teryt/agreement')
  @Roles(...WRITERS)
  @PowiatTerytParam()
  @WriteEndpoint('The powiat signs its agreement', '`occurredAt` is the day it was signed; after the invitation.')
  async sign(
    @Param('teryt') teryt: string,
    @Body() dto: SignPowiatAgreementDto,
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
