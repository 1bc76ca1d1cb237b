import { Module } from '@nestjs/common';
import { ComparisonController } from './comparison/comparison.http';
import { ComparisonService } from './comparison/comparison.service';
import { TenantIndicatorsController } from './tenant-indicators/tenant-indicators.http';

/**
 * The analysts' comparison of the macroregions and each tenant's own indicators. Needs the
 * platform's READ_MODELS data source (with `comparisonEntities`) and TENANT_DIRECTORY.
 */
@Module({
  controllers: [ComparisonController, TenantIndicatorsController],
  providers: [ComparisonService],
  exports: [ComparisonService],
})
export class ComparisonModule {}
