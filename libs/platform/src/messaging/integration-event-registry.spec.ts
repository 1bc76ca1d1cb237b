import type { IntegrationEventMapper } from './integration-event';
import { IntegrationEventRegistry } from './integration-event-registry';
import { personalDataLeaks } from './testing/personal-data';
import { relayTestMappers, thingCountedV1 } from './testing/relay-test-context';
import { sampleEvent } from './testing/schema-check';

const counted = (over: Partial<IntegrationEventMapper> = {}): IntegrationEventMapper => ({
  storedType: 'relaytest.ThingCounted.v2',
  fields: ['thingId'],
  personalFields: ['ownerName'],
  produces: [thingCountedV1],
  map: ({ data }) => [{ type: thingCountedV1.type, data }],
  sample: { thingId: 't', ownerName: 'Jan Kowalski' },
  ...over,
});

describe('integration event registry', () => {
  it('refuses two mappers for the same stored type', () => {
    expect(() => new IntegrationEventRegistry([counted(), counted()])).toThrow(
      'two integration event mappers for the stored type relaytest.ThingCounted.v2',
    );
  });

  it('refuses an allow-list that names a personal field of the catalogue', () => {
    expect(() => new IntegrationEventRegistry([counted({ fields: ['thingId', 'ownerName'] })])).toThrow(
      'allow-lists personal field(s) ownerName',
    );
  });

  it('refuses an integration type without context, kebab name and major version', () => {
    for (const type of ['pl.kooperacja.groups.MemberJoined.v1', 'pl.kooperacja.groups.member-joined', 'groups.x.v1']) {
      expect(() => new IntegrationEventRegistry([counted({ produces: [{ ...thingCountedV1, type }] })])).toThrow(
        'must match pl.kooperacja.<context>.<kebab-name>.v<N>',
      );
    }
  });

  it('hands a mapper only its allow-listed fields, even one that copies everything it gets', () => {
    const registry = new IntegrationEventRegistry([counted()]);
    const out = registry.map(
      sampleEvent('relaytest.ThingCounted.v2', { thingId: 't-1', ownerName: 'Jan Kowalski', note: 'x' }),
    );
    expect(out).toEqual([{ type: thingCountedV1.type, data: { thingId: 't-1' } }]);
  });

  it('reads an older stored version through the catalogue upcaster', () => {
    const registry = new IntegrationEventRegistry(relayTestMappers());
    const out = registry.map(
      sampleEvent('relaytest.ThingCounted.v1', {
        thingId: 't-1',
        n: 4,
        ownerName: 'Jan Kowalski',
        countedOn: '2019-01-02',
      }),
    );
    expect(out).toEqual([
      { type: thingCountedV1.type, data: { thingId: 't-1', seq: 4, region: 'unknown', countedOn: '2019-01-02' } },
    ]);
  });

  it('maps one stored event to none, one or several integration events', () => {
    const registry = new IntegrationEventRegistry(relayTestMappers());
    const types = (data: object) => registry.map(sampleEvent('relaytest.ThingChecked.v1', data)).map((e) => e.type);
    expect(types({ thingId: 't', ok: true, inspector: 'A' })).toEqual([
      'pl.kooperacja.relaytest.thing-audited.v1',
      'pl.kooperacja.relaytest.thing-checked.v1',
    ]);
    expect(types({ thingId: 't', ok: false, inspector: 'A' })).toEqual(['pl.kooperacja.relaytest.thing-audited.v1']);
    expect(registry.map(sampleEvent('relaytest.Unmapped.v1', { thingId: 't' }))).toEqual([]);
  });

  it('stops on a mapper that returns a type it did not declare, rather than publish it undocumented', () => {
    const registry = new IntegrationEventRegistry([
      counted({ map: () => [{ type: 'pl.kooperacja.relaytest.surprise.v1', data: {} }] }),
    ]);
    expect(() => registry.map(sampleEvent('relaytest.ThingCounted.v2', { thingId: 't' }))).toThrow(
      'returned pl.kooperacja.relaytest.surprise.v1, which it does not declare',
    );
  });

  it('lists the stored types to subscribe to and the integration types to document', () => {
    const registry = new IntegrationEventRegistry(relayTestMappers());
    expect(registry.storedTypes()).toEqual([
      'relaytest.ThingChecked.v1',
      'relaytest.ThingCounted.v1',
      'relaytest.ThingCounted.v2',
    ]);
    expect(registry.definitions().map((d) => d.type)).toEqual([
      'pl.kooperacja.relaytest.thing-audited.v1',
      'pl.kooperacja.relaytest.thing-checked.v1',
      'pl.kooperacja.relaytest.thing-counted.v1',
    ]);
  });
});

describe('personal data never leaves', () => {
  it('no mapper of the test context publishes a personal field or free text', () => {
    expect(personalDataLeaks(relayTestMappers())).toEqual([]);
  });

  it('the check finds a personal value that an upcaster moved into an allow-listed field', () => {
    const leaky = counted({
      storedType: 'relaytest.ThingCounted.v1',
      fields: ['thingId', 'label'],
      upcast: (data: { thingId: string; ownerName: string }) => ({ thingId: data.thingId, label: data.ownerName }),
      map: ({ data }) => [{ type: thingCountedV1.type, data }],
    });
    expect(personalDataLeaks([leaky])).toEqual(['relaytest.ThingCounted.v1']);
    expect(personalDataLeaks([counted()])).toEqual([]);
  });
});
