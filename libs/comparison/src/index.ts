// Public API of the comparison context: its Nest module, its projection and read-model entities
// (for the composition), and the indicator catalogue.
export { ComparisonModule } from './comparison.module';
export {
  COMPARISON_PROJECTION,
  comparisonMetricsProjection,
  FRESHNESS_TABLE,
  METRICS_TABLE,
  QUARTERS_TABLE,
  STATE_TABLE,
  type ComparisonProjection,
} from './comparison-metrics/comparison-metrics.projection';
export {
  comparisonEntities,
  ComparisonFreshness,
  ComparisonMetric,
} from './comparison-metrics/comparison-metrics.entity';
export { METRIC, type MetricCode } from './comparison-metrics/metrics';
export { INDICATOR_CODES, INDICATOR_DEFINITIONS, type IndicatorDefinition, type Unit } from './comparison/indicators';
export {
  ComparisonService,
  type AsOfKind,
  type ComparisonRequest,
  type ComparisonResult,
  type ComparisonScope,
} from './comparison/comparison.service';
