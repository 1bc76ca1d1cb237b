import { PilotModule, pilotProjections, pilotReadModelEntities } from '@kooperacja/pilot';
import { ProgrammePeriodLookup } from '@kooperacja/programme';
import type { ContextDescriptor } from '../context-descriptor';

export const pilotContext: ContextDescriptor = {
  name: 'pilot',
  // Cases and sessions are checked against the programme's (amended) project period.
  modules: [PilotModule.forRoot({ projectPeriods: (store) => new ProgrammePeriodLookup(store) })],
  projections: [...pilotProjections],
  entities: [...pilotReadModelEntities],
  migrations: [],
};
