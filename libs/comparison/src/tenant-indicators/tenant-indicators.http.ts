import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, TENANT_ROLES } from '@kooperacja/platform';
import { XLSX_CONTENT_TYPE } from '../comparison/comparison.export';
import { COMPARISON_CONTENT, ComparisonResponseDto, IndicatorsQueryDto, respond } from '../comparison/comparison.http';
import { ComparisonService } from '../comparison/comparison.service';

/** A tenant's own indicators against its targets: the comparison's data, for that tenant only. */
@ApiTags('comparison')
@ApiExtraModels(ComparisonResponseDto)
@Controller('api/v1/tenants/:tenantId/indicators')
export class TenantIndicatorsController {
  constructor(private readonly comparison: ComparisonService) {}

  @Get()
  @Roles(...TENANT_ROLES)
  @ApiOperation({
    summary: "The tenant's indicator targets against actuals, with the quarterly series and the data's freshness",
    description: 'The same figures analysts compare (docs/comparison.md), for the caller’s own tenant.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'The tenant’s indicators, in the format asked for', content: COMPARISON_CONTENT })
  @ApiBadRequestResponse({ description: 'A parameter is invalid: `errors: [{ field, reason }]`' })
  @ApiNotFoundResponse({ description: 'Not the caller’s tenant' })
  async indicators(@Param('tenantId') tenantId: string, @Query() query: IndicatorsQueryDto) {
    const result = await this.comparison.compare(query, { kind: 'tenant', tenantId });
    return respond(result, query, `kooperacja-indicators-${tenantId}`);
  }
}
