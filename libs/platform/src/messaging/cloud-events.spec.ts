import { businessTime, cloudEventId, toKafkaMessage } from './cloud-events';
import { sampleEvent } from './testing/schema-check';

describe('CloudEvents in Kafka binary mode', () => {
  const stored = { ...sampleEvent('relaytest.ThingCounted.v2', {}, 'mr2'), streamId: 'thing-7' };
  const event = { type: 'pl.kooperacja.relaytest.thing-counted.v1', data: { thingId: 'thing-7', seq: 3 } };

  it('puts the attributes in ce_* headers, the data in the value and the stream id in the key', () => {
    expect(toKafkaMessage('kooperacja.relaytest.v1', stored, event, 0)).toEqual({
      topic: 'kooperacja.relaytest.v1',
      key: 'thing-7',
      value: '{"thingId":"thing-7","seq":3}',
      headers: {
        ce_specversion: '1.0',
        ce_id: stored.id,
        ce_source: 'urn:kooperacja:tenant:mr2',
        ce_type: 'pl.kooperacja.relaytest.thing-counted.v1',
        ce_time: '2019-06-01T00:00:00Z',
        ce_subject: 'thing-7',
        ce_tenantid: 'mr2',
        ce_recordedtime: '2024-01-01T00:00:00.000Z',
        'content-type': 'application/json',
      },
    });
  });

  it('marks events of the synthetic pilot generator', () => {
    const synthetic = { ...stored, metadata: { ...stored.metadata, synthetic: true } };
    expect(toKafkaMessage('t', synthetic, event, 0).headers.ce_synthetic).toBe('true');
    expect(toKafkaMessage('t', stored, event, 0).headers).not.toHaveProperty('ce_synthetic');
  });

  it('gives a second event mapped from one stored event an id of its own, stable across replays', () => {
    const id = '5f0c8c1e-3c1b-4b7e-9a35-0e5d2f9a1c44';
    expect(cloudEventId(id, 0, 'pl.kooperacja.a.b.v1')).toBe(id);
    expect(cloudEventId(id, 1, 'pl.kooperacja.a.c.v1')).toBe(`${id}:pl.kooperacja.a.c.v1`);
  });

  it('sends business dates as midnight UTC and keeps RFC 3339 timestamps as they are', () => {
    expect(businessTime('2019-03-14')).toBe('2019-03-14T00:00:00Z');
    expect(businessTime('2019-03-14T10:15:00+01:00')).toBe('2019-03-14T10:15:00+01:00');
    expect(businessTime('2019-03-14T10:15:00.5Z')).toBe('2019-03-14T10:15:00.5Z');
    expect(() => businessTime('14.03.2019')).toThrow('neither a date nor a timestamp');
  });
});
