import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, Matches, ValidateBy } from 'class-validator';
import { Roles } from '@kooperacja/platform';
import { isCalendarDay } from '../comparison-metrics/days';
import { CSV_CONTENT_TYPE, toCsv, toXlsx, XLSX_CONTENT_TYPE, type Lang } from './comparison.export';
import { ComparisonService, type AsOfKind, type ComparisonResult } from './comparison.service';
import { INDICATOR_CODES } from './indicators';

const IsCalendarDay = () =>
  ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value) => isCalendarDay(value),
      defaultMessage: (args) => `${args?.property} must be a calendar day written YYYY-MM-DD`,
    },
  });

const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);

const FORMATS = ['json', 'csv', 'xlsx'] as const;
const LANGS = ['pl', 'en'] as const;
const AS_OF_KINDS = ['business', 'record'] as const;

/** What a tenant's own view may ask: the comparison's parameters without the choice of tenants. */
export class IndicatorsQueryDto {
  @ApiPropertyOptional({
    description: 'The day the answer is for (default: today in Poland). See `asOfKind`.',
    example: '2020-12-31',
    format: 'date',
  })
  @IsOptional()
  @IsCalendarDay()
  asOf?: string;

  @ApiPropertyOptional({
    description:
      '`business`: as things were on `asOf` (facts that happened by then, whenever they were recorded); ' +
      '`record`: as the data stood on `asOf` (facts recorded by then, in Poland’s calendar).',
    enum: AS_OF_KINDS,
    default: 'business',
  })
  @IsOptional()
  @IsIn(AS_OF_KINDS, { message: 'asOfKind must be business or record' })
  asOfKind?: AsOfKind;

  @ApiPropertyOptional({
    description:
      'First business day of the quarterly series (its quarter is the first). Default: the first quarter with data.',
    example: '2018-04-01',
    format: 'date',
  })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({
    description:
      'Last business day of the quarterly series (its quarter is the last). Default: the last quarter with data, at most that of `asOf`.',
    example: '2021-06-30',
    format: 'date',
  })
  @IsOptional()
  @IsCalendarDay()
  to?: string;

  @ApiPropertyOptional({
    description: `Indicator codes, comma-separated (default: all). One of: ${INDICATOR_CODES.join(', ')}.`,
    example: 'jst-in-pilot,plan-success-rate,money-per-family',
    type: String,
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(INDICATOR_CODES.length)
  @IsIn(INDICATOR_CODES, { each: true, message: 'indicator must list known indicator codes' })
  indicator?: string[];

  @ApiPropertyOptional({
    description:
      'json (default), csv (UTF-8 with BOM, `;`-separated, decimal comma for lang=pl) or xlsx (typed numbers and dates).',
    enum: FORMATS,
    default: 'json',
  })
  @IsOptional()
  @IsIn(FORMATS, { message: 'format must be json, csv or xlsx' })
  format?: (typeof FORMATS)[number];

  @ApiPropertyOptional({
    description: 'Language of labels in csv and xlsx (json carries both).',
    enum: LANGS,
    default: 'pl',
  })
  @IsOptional()
  @IsIn(LANGS, { message: 'lang must be pl or en' })
  lang?: Lang;
}

export class ComparisonQueryDto extends IndicatorsQueryDto {
  @ApiPropertyOptional({
    description: 'Tenant ids, comma-separated (default: every active tenant).',
    example: 'mr1,mr2,mr3',
    type: String,
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(50)
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { each: true, message: 'tenants must list tenant ids' })
  tenants?: string[];
}

class FreshnessDto {
  @ApiProperty({
    description: 'Log position of the last event applied, `<commit>/<prepare>`',
    nullable: true,
    example: '5123/98231',
  })
  position!: string | null;

  @ApiProperty({ description: 'When the store recorded that event', nullable: true, format: 'date-time' })
  recordedAt!: string | null;
}

class ComparisonTenantDto {
  @ApiProperty({ example: 'mr2' })
  id!: string;

  @ApiProperty({ example: 'Makroregion II' })
  name!: string;

  @ApiProperty({ example: 'Macroregion II' })
  nameEn!: string;

  @ApiProperty({ description: 'How fresh this tenant’s data is', type: FreshnessDto })
  freshness!: FreshnessDto;
}

class IndicatorRowDto {
  @ApiProperty({ example: 'mr2' })
  tenantId!: string;

  @ApiProperty({
    description: 'Target in force on the as-of day (programme target or seed norm)',
    nullable: true,
    example: 50,
  })
  target!: number | null;

  @ApiProperty({ description: 'Actual on the as-of day; null when nothing measures it', nullable: true, example: 42 })
  actual!: number | null;

  @ApiProperty({ description: 'actual / target × 100, one decimal', nullable: true, example: 84 })
  percent!: number | null;

  @ApiPropertyOptional({
    description: 'Money indicators: the budget line used',
    enum: ['total', 'euShare'],
    nullable: true,
  })
  basis?: string | null;
}

class IndicatorDto {
  @ApiProperty({ example: 'jst-in-pilot' })
  code!: string;

  @ApiProperty({ example: 'JST w pilotażu' })
  labelPl!: string;

  @ApiProperty({ example: 'JST in the pilot' })
  labelEn!: string;

  @ApiProperty({ description: 'What the actual counts or measures', example: 'jst' })
  unit!: string;

  @ApiProperty({ description: 'Places the actual is rounded to', example: 0 })
  decimals!: number;

  @ApiProperty({ type: [IndicatorRowDto] })
  rows!: IndicatorRowDto[];
}

class SeriesPointDto {
  @ApiProperty({ example: 'jst-in-pilot' })
  code!: string;

  @ApiProperty({ example: 'mr2' })
  tenantId!: string;

  @ApiProperty({ example: '2019-Q3' })
  quarter!: string;

  @ApiProperty({ description: 'The indicator at the end of the quarter', example: 12 })
  value!: number;

  @ApiProperty({ description: 'Target in force at the end of the quarter', nullable: true, example: 50 })
  target!: number | null;
}

export class ComparisonResponseDto {
  @ApiProperty({ format: 'date', example: '2020-12-31' })
  asOf!: string;

  @ApiProperty({ enum: AS_OF_KINDS })
  asOfKind!: AsOfKind;

  @ApiProperty({ type: [ComparisonTenantDto] })
  tenants!: ComparisonTenantDto[];

  @ApiProperty({ type: [IndicatorDto] })
  indicators!: IndicatorDto[];

  @ApiProperty({ description: 'Each indicator per tenant and quarter', type: [SeriesPointDto] })
  series!: SeriesPointDto[];
}

/** The three representations of one answer. */
export const COMPARISON_CONTENT = {
  'application/json': { schema: { $ref: getSchemaPath(ComparisonResponseDto) } },
  'text/csv': { schema: { type: 'string', description: 'The same data as a flat table (see docs/comparison.md)' } },
  [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
};

/** Sends the answer as JSON, CSV or XLSX. */
export async function respond(
  result: ComparisonResult,
  query: IndicatorsQueryDto,
  name: string,
): Promise<ComparisonResult | StreamableFile> {
  const lang = query.lang ?? 'pl';
  const file = `${name}-${result.asOf}${result.asOfKind === 'record' ? '-recorded' : ''}`;
  switch (query.format ?? 'json') {
    case 'csv':
      return new StreamableFile(Buffer.from(toCsv(result, lang), 'utf8'), {
        type: CSV_CONTENT_TYPE,
        disposition: `attachment; filename="${file}.csv"`,
      });
    case 'xlsx':
      return new StreamableFile(await toXlsx(result, lang), {
        type: XLSX_CONTENT_TYPE,
        disposition: `attachment; filename="${file}.xlsx"`,
      });
    default:
      return result;
  }
}

@ApiTags('comparison')
@ApiExtraModels(ComparisonResponseDto)
@Controller('api/v1/comparison')
export class ComparisonController {
  constructor(private readonly comparison: ComparisonService) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary: 'Compare the macroregions: targets and actuals per indicator, quarterly series, freshness per tenant',
    description:
      'Aggregates only (no person, case id or free text). Business time (`asOfKind=business`): as things were on ' +
      '`asOf`; record time (`asOfKind=record`): as the data stood on `asOf`. Every answer says, per tenant, the ' +
      'last event applied and when it was recorded. Indicator definitions: docs/comparison.md.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The comparison, in the format asked for', content: COMPARISON_CONTENT })
  @ApiBadRequestResponse({ description: 'A parameter is invalid: `errors: [{ field, reason }]`' })
  @ApiUnauthorizedResponse({ description: 'No valid token' })
  @ApiForbiddenResponse({ description: 'Analysts only' })
  async compare(@Query() query: ComparisonQueryDto) {
    const result = await this.comparison.compare(query, { kind: 'analyst' });
    return respond(result, query, 'kooperacja-comparison');
  }
}
