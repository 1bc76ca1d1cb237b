import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { BudgetDto, SOURCE_DESCRIPTION } from '../programme.dtos';
import {
  commandOptions,
  FactDto,
  PROGRAMME_ROUTE,
  respond,
  scoped,
  WriteEndpoint,
  WRITERS,
} from '../programme.http-support';
import { AmendBudgetHandler } from './amend-budget.handler';

export class AmendBudgetDto extends FactDto {
  @ApiProperty({
    description: 'Only the budget lines that change; the others keep their amounts',
    type: BudgetDto,
    example: { total: { grosze: '3160436834', currency: 'PLN' } },
  })
  @ValidateNested()
  @Type(() => BudgetDto)
  budget!: BudgetDto;

  @ApiProperty({ description: `${SOURCE_DESCRIPTION}. Required: an amendment always has one`, example: 'aneks nr 3' })
  @IsString({ message: 'source must be a string' })
  @Length(1, 500, { message: 'source must be 1 to 500 characters' })
  source!: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class AmendBudgetController {
  constructor(private readonly handler: AmendBudgetHandler) {}

  @Post('budget-amendments')
  @Roles(...WRITERS)
  @WriteEndpoint(
    'Amend the budget, citing the source',
    'The plan is never overwritten: the amendment is added to the history and the current budget follows it.',
  )
  async amend(
    @Body() dto: AmendBudgetDto,
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
