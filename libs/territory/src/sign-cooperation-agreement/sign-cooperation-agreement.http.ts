import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
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
import { SignCooperationAgreementHandler } from './sign-cooperation-agreement.handler';

export class SignCooperationAgreementDto extends FactDto {
  @ApiProperty({
    description: 'Number or reference of the cooperation agreement (porozumienie)',
    example: 'POR/7/2019',
  })
  @IsString({ message: 'agreementRef must be a string' })
  @Length(1, 300, { message: 'agreementRef must be 1 to 300 characters' })
  agreementRef!: string;
}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class SignCooperationAgreementController {
  constructor(private readonly handler: SignCooperationAgreementHandler) {}

  @Post('municipalities/:teryt/agreement')
  @Roles(...WRITERS)
  @GminaTerytParam()
  @WriteEndpoint(
    'The gmina signs the cooperation agreement',
    '`occurredAt` is the day the agreement was signed; after the declaration of participation.',
  )
  async sign(
    @Param('teryt') teryt: string,
    @Body() dto: SignCooperationAgreementDto,
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
