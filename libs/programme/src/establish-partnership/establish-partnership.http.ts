import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { Response } from 'express';
import { CommandCtx, Roles, type CommandContext } from '@kooperacja/platform';
import { BudgetDto, PartnerDto, ProjectPeriodDto, SOURCE_DESCRIPTION } from '../programme.dtos';
import {
  commandOptions,
  FactDto,
  PROGRAMME_ROUTE,
  respond,
  scoped,
  WriteEndpoint,
  WRITERS,
} from '../programme.http-support';
import { EstablishPartnershipHandler } from './establish-partnership.handler';

export class EstablishPartnershipDto extends FactDto {
  @ApiProperty({ description: 'Title of the project', example: 'Kooperacja – efektywna i skuteczna' })
  @IsString({ message: 'projectTitle must be a string' })
  @Length(1, 500, { message: 'projectTitle must be 1 to 500 characters' })
  projectTitle!: string;

  @ApiProperty({ description: 'partnerId of the lead partner (one of `partners`)', example: 'rops-torun' })
  @IsString({ message: 'leadPartnerId must be a string' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "leadPartnerId must be a lower-case slug such as 'rops-torun'" })
  leadPartnerId!: string;

  @ApiProperty({ description: 'Every partner, the lead included', type: [PartnerDto] })
  @IsArray({ message: 'partners must be a list' })
  @ArrayNotEmpty({ message: 'partners must list the partners, the lead included' })
  @ArrayMaxSize(50, { message: 'partners lists at most 50 partners' })
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners!: PartnerDto[];

  @ApiProperty({ description: 'The period the project is planned to run', type: ProjectPeriodDto })
  @ValidateNested()
  @Type(() => ProjectPeriodDto)
  plannedPeriod!: ProjectPeriodDto;

  @ApiProperty({ description: 'The budget lines the source states (at least one)', type: BudgetDto })
  @ValidateNested()
  @Type(() => BudgetDto)
  budget!: BudgetDto;

  @ApiPropertyOptional({ description: SOURCE_DESCRIPTION, example: 'umowa o dofinansowanie (seed 002)' })
  @IsOptional()
  @IsString({ message: 'source must be a string' })
  @MaxLength(500, { message: 'source must be at most 500 characters' })
  source?: string;
}

@ApiTags('programme')
@Controller(PROGRAMME_ROUTE)
export class EstablishPartnershipController {
  constructor(private readonly handler: EstablishPartnershipHandler) {}

  @Post('partnership')
  @Roles(...WRITERS)
  @WriteEndpoint(
    'Establish the partnership: the project, its partners, planned period and budget',
    'The first fact of a project; its date may precede the project period. A tenant-editor must cover ' +
      "every partner's voivodeships.",
  )
  async establish(
    @Body() dto: EstablishPartnershipDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CommandCtx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { occurredAt, expectedRevision, ...input } = dto;
    const outcome = await this.handler.execute(
      input,
      scoped(ctx),
      occurredAt,
      commandOptions({ expectedRevision }, ifMatch),
    );
    return respond(res, outcome);
  }
}
