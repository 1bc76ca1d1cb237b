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
import { WithdrawMunicipalityHandler } from './withdraw-municipality.handler';

export class WithdrawMunicipalityDto extends FactDto {
  @ApiProperty({
    description: 'Why the gmina withdrew (must not name people)',
    example: 'Rada Gminy nie przyjęła uchwały',
  })
  @IsString({ message: 'reason must be a string' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class WithdrawMunicipalityController {
  constructor(private readonly handler: WithdrawMunicipalityHandler) {}

  @Post('municipalities/:teryt/withdrawal')
  @Roles(...WRITERS)
  @GminaTerytParam()
  @WriteEndpoint(
    'The gmina withdraws from the project',
    'At any stage; nothing more is recorded for it afterwards. The stage it had reached is kept.',
  )
  async withdraw(
    @Param('teryt') teryt: string,
    @Body() dto: WithdrawMunicipalityDto,
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
