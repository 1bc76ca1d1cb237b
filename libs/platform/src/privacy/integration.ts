import { js } from '../messaging/json-schema';
import { mapping, mappersFor } from '../messaging/define-mappers';
import type { IntegrationEventDefinition, IntegrationEventMapper } from '../messaging/integration-event';
import { subjectEventCatalogue, subjectStreamId, type PersonalDataErased } from './subject.events';

export interface PersonalDataErasedV1 {
  subjectId: string;
  erasedAt: string;
}

/** Tells downstream services to delete what they hold about the subject. No personal data. */
export const personalDataErasedV1: IntegrationEventDefinition<PersonalDataErasedV1> = {
  type: 'pl.kooperacja.platform.personal-data-erased.v1',
  summary: "A data subject's personal data was erased: delete every copy you hold about them.",
  description:
    'The platform destroyed the key of the subject (tenant in `ce_tenantid`); personal fields of past events read as ' +
    'erased from now on. Consumers must delete or anonymise whatever they keep under this subjectId (a personId in the ' +
    'groups events) and must not re-identify the person from other data.',
  schema: js.object({
    subjectId: js.string('Pseudonymous id of the person (uuid), as in personId of the groups events.'),
    erasedAt: js.string('When the key was destroyed (ISO date-time).', { format: 'date-time' }),
  }),
  example: { subjectId: '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a', erasedAt: '2026-11-23T10:15:00.000Z' },
};

const SUBJECT = '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a';

/** The privacy stream → the platform topic, so the existing relay publishes erasures. */
export function privacyIntegrationMappers(): IntegrationEventMapper[] {
  return mappersFor(subjectEventCatalogue, {
    PersonalDataErased: mapping<PersonalDataErased['data']>()({
      fields: ['subjectId', 'erasedAt'],
      produces: [personalDataErasedV1],
      map: ({ data }) => [
        { type: personalDataErasedV1.type, data: { subjectId: data.subjectId, erasedAt: data.erasedAt } },
      ],
      sample: { subjectId: SUBJECT, erasedAt: '2026-11-23T10:15:00.000Z', basis: 'request' },
      sampleStreamId: subjectStreamId(SUBJECT),
    }),
  });
}
