export * from './contracts';
export * from './municipality/municipality.events';
export * from './municipality/municipality.catalogue';
export * from './municipality/municipality.decider';
export * from './powiat/powiat.events';
export * from './powiat/powiat.catalogue';
export * from './powiat/powiat.decider';
export type { LookedUp } from './territory.rules';
export * from './territory.handler-support';
export * from './invite-municipality/invite-municipality.handler';
export * from './declare-participation/declare-participation.handler';
export * from './sign-cooperation-agreement/sign-cooperation-agreement.handler';
export * from './withdraw-municipality/withdraw-municipality.handler';
export * from './recruit-pilot-site/recruit-pilot-site.handler';
export * from './invite-powiat/invite-powiat.handler';
export * from './sign-powiat-agreement/sign-powiat-agreement.handler';
export * from './territory.module';
export * from './municipalities-and-agreements/municipalities-and-agreements.projection';
export * from './municipalities-and-agreements/municipalities-and-agreements.entity';
export * from './municipalities-and-agreements/municipalities-and-agreements.query';

import { municipalityCatalogue } from './municipality/municipality.catalogue';
import { powiatCatalogue } from './powiat/powiat.catalogue';

/** Every catalogue of this context, for projections, the Kafka relay and the history importer. */
export const territoryCatalogues = [municipalityCatalogue, powiatCatalogue] as const;
export { territoryIntegrationMappers } from './contracts/integration/mapper';
