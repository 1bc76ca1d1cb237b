import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Ctx, Roles, type RequestContext } from '@kooperacja/platform';
import { VOIVODESHIPS } from '../contracts/voivodeships';
import { READERS, TERRITORY_ROUTE } from '../territory.http-support';
import {
  MUNICIPALITY_STATUSES,
  MunicipalitiesQuery,
  UNIT_KINDS,
  type MunicipalityStatus,
} from './municipalities-and-agreements.query';

const VOIVODESHIP_NAMES = Object.keys(VOIVODESHIPS);

export class MunicipalitiesQueryDto {
  @ApiPropertyOptional({
    description: 'Only gminas/powiats at this status (withdrawn wins over the stage reached)',
    enum: MUNICIPALITY_STATUSES,
    example: 'under-agreement',
  })
  @IsOptional()
  @IsIn(MUNICIPALITY_STATUSES, { message: `status must be one of ${MUNICIPALITY_STATUSES.join(', ')}` })
  status?: MunicipalityStatus;

  @ApiPropertyOptional({
    description: 'Only this voivodeship (lower-case Polish name)',
    enum: VOIVODESHIP_NAMES,
    example: 'pomorskie',
  })
  @IsOptional()
  @IsIn(VOIVODESHIP_NAMES, { message: "voivodeship must be a lower-case Polish name, e.g. 'pomorskie'" })
  voivodeship?: string;

  @ApiPropertyOptional({
    description: 'Only gminas or only powiats (default both)',
    enum: UNIT_KINDS,
    example: 'gmina',
  })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: 'kind must be gmina or powiat' })
  kind?: (typeof UNIT_KINDS)[number];

  @ApiPropertyOptional({ description: 'Page number, from 1', example: 1, minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(100_000, { message: 'page must be at most 100000' })
  page?: number;

  @ApiPropertyOptional({ description: 'Rows per page', example: 50, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be 1 or more' })
  @Max(200, { message: 'pageSize must be at most 200' })
  pageSize?: number;
}

export class ListedAgreementDto {
  @ApiProperty({ description: 'Day the agreement was signed', example: '2019-06-03' })
  signedOn!: string;

  @ApiProperty({
    description: 'Number or reference of the agreement',
    example: 'POR/7/2019',
    nullable: true,
    type: String,
  })
  reference!: string | null;
}

export class ListedWithdrawalDto {
  @ApiProperty({ description: 'Day the gmina withdrew', example: '2019-05-06' })
  withdrawnOn!: string;

  @ApiProperty({
    description: 'Why it withdrew',
    example: 'Rada Gminy nie przyjęła uchwały',
    nullable: true,
    type: String,
  })
  reason!: string | null;
}

export class ListedTypeExceptionDto {
  @ApiProperty({ description: "Why a gmina of another type than the model's was invited", example: 'partner w PZK' })
  reason!: string;
}

export class MunicipalityListItemDto {
  @ApiProperty({ description: 'TERYT code: 7 digits for a gmina, 4 for a powiat', example: '2205023' })
  teryt!: string;

  @ApiProperty({ description: 'gmina or powiat', enum: UNIT_KINDS, example: 'gmina' })
  kind!: string;

  @ApiProperty({ description: 'Name', example: 'Kartuzy', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({
    description: 'Gminas: rural, urban-rural or urban; null for a powiat',
    example: 'urban-rural',
    nullable: true,
    type: String,
  })
  type!: string | null;

  @ApiProperty({
    description: 'Where it stands; withdrawn wins over the stage reached',
    enum: MUNICIPALITY_STATUSES,
    example: 'pilot-site',
  })
  status!: string;

  @ApiProperty({
    description: 'Name of the powiat (a powiat: its own name)',
    example: 'kartuski',
    nullable: true,
    type: String,
  })
  powiat!: string | null;

  @ApiProperty({ description: 'TERYT code of the powiat', example: '2205', nullable: true, type: String })
  powiatTeryt!: string | null;

  @ApiProperty({
    description: 'Voivodeship (lower-case Polish name)',
    example: 'pomorskie',
    nullable: true,
    type: String,
  })
  voivodeship!: string | null;

  @ApiProperty({
    description: "Set when the gmina's type differs from the model's",
    type: ListedTypeExceptionDto,
    nullable: true,
  })
  typeException!: ListedTypeExceptionDto | null;

  @ApiProperty({ description: 'Day of the invitation', example: '2019-03-04', nullable: true, type: String })
  invitedOn!: string | null;

  @ApiProperty({ description: 'Day participation was declared', example: '2019-04-10', nullable: true, type: String })
  declaredOn!: string | null;

  @ApiProperty({ description: 'Reference of the declaration', example: 'DW/3/2019', nullable: true, type: String })
  declarationRef!: string | null;

  @ApiProperty({ description: 'The cooperation agreement, once signed', type: ListedAgreementDto, nullable: true })
  agreement!: ListedAgreementDto | null;

  @ApiProperty({ description: 'Day it became a pilot site', example: '2019-09-02', nullable: true, type: String })
  pilotSiteOn!: string | null;

  @ApiProperty({ description: 'The withdrawal, if any', type: ListedWithdrawalDto, nullable: true })
  withdrawal!: ListedWithdrawalDto | null;

  @ApiProperty({ description: "Revision of the gmina's or powiat's stream the row reflects", example: 3 })
  revision!: number;

  @ApiProperty({
    description: 'When the last event the row reflects was recorded',
    example: '2024-05-02T10:14:03.120Z',
  })
  updatedAt!: string;
}

export class MunicipalitiesPageDto {
  @ApiProperty({ description: 'The rows of this page, by voivodeship and TERYT code', type: [MunicipalityListItemDto] })
  items!: MunicipalityListItemDto[];

  @ApiProperty({ description: 'This page, from 1', example: 1 })
  page!: number;

  @ApiProperty({ description: 'Rows per page', example: 50 })
  pageSize!: number;

  @ApiProperty({ description: 'Rows matching the filter, over all pages', example: 30 })
  total!: number;
}

@ApiTags('territory')
@Controller(TERRITORY_ROUTE)
export class MunicipalitiesAndAgreementsController {
  constructor(private readonly query: MunicipalitiesQuery) {}

  @Get('municipalities')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Gminas and powiats with their status and agreements (read model), filtered and paged',
    description:
      'One row per gmina/powiat: TERYT, type, powiat, voivodeship, status and the dates of invitation, declaration, ' +
      'agreement, pilot site and withdrawal, with the agreement reference. Served from the read model: it may trail ' +
      'the last write by the projection lag (`updatedAt`, `revision` per row).',
  })
  @ApiOkResponse({ type: MunicipalitiesPageDto })
  list(@Query() q: MunicipalitiesQueryDto, @Ctx() ctx: RequestContext) {
    return this.query.list(ctx.tenantId!, {
      status: q.status,
      voivodeship: q.voivodeship,
      kind: q.kind,
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 50,
    });
  }
}
