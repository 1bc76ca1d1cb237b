import { decisionsIntegrationMappers } from '@kooperacja/decisions';
import { groupsIntegrationMappers } from '@kooperacja/groups';
import { pilotIntegrationMappers } from '@kooperacja/pilot';
import { privacyIntegrationMappers } from '@kooperacja/platform';
import type { IntegrationEventMapper } from '@kooperacja/platform/messaging';
import { programmeIntegrationMappers } from '@kooperacja/programme';
import { territoryIntegrationMappers } from '@kooperacja/territory';

/**
 * Every mapper from stored events to the integration events published on Kafka, from each
 * bounded context's contracts/integration. The relay and `cli kafka replay|docs` use this list.
 */
export function allIntegrationEventMappers(): IntegrationEventMapper[] {
  return [
    ...programmeIntegrationMappers(),
    ...territoryIntegrationMappers(),
    ...groupsIntegrationMappers(),
    ...decisionsIntegrationMappers(),
    ...pilotIntegrationMappers(),
    ...privacyIntegrationMappers(),
  ];
}
