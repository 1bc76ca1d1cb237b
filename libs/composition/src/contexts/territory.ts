import { ProgrammePeriodLookup } from '@kooperacja/programme';
import {
  municipalitiesAndAgreementsEntities,
  municipalitiesAndAgreementsProjection,
  TerritoryModule,
} from '@kooperacja/territory';
import type { ContextDescriptor } from '../context-descriptor';

export const territoryContext: ContextDescriptor = {
  name: 'territory',
  // Dates are checked against the programme's (amended) project period.
  modules: [TerritoryModule.forRoot({ projectPeriods: (store) => new ProgrammePeriodLookup(store) })],
  projections: [municipalitiesAndAgreementsProjection],
  entities: [...municipalitiesAndAgreementsEntities],
  migrations: [],
};
