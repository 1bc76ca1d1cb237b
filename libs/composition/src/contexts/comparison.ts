import { ComparisonModule, comparisonEntities, comparisonMetricsProjection } from '@kooperacja/comparison';
import type { ContextDescriptor } from '../context-descriptor';

export const comparisonContext: ContextDescriptor = {
  name: 'comparison',
  modules: [ComparisonModule],
  projections: [comparisonMetricsProjection()],
  entities: comparisonEntities,
  migrations: [],
};
