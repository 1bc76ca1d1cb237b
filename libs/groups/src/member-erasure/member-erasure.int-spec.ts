import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { groupsContext } from '@kooperacja/composition/contexts/groups';
import { privacyContext } from '@kooperacja/composition/contexts/privacy';
import {
  appRoleName,
  ERASED_LABEL,
  ProjectionRebuilder,
  privacyIntegrationMappers,
  type Role,
} from '@kooperacja/platform';
import {
  IntegrationEventRegistry,
  KafkaPublisher,
  KafkaRelay,
  readKafkaConfig,
  sharedTopics,
} from '@kooperacja/platform/messaging';
import {
  listTopics,
  recordsIn,
  testBrokers,
  TopicReader,
  uniqueTopicPrefix,
} from '@kooperacja/platform/messaging/testing';
import { eventually } from '@kooperacja/platform/testing';
import { groupsIntegrationMappers } from '../contracts/integration/mapper';
import { groupCompositionProjection } from '../group-composition/group-composition.projection';
import { startApiE2eApp, type ApiE2eApp } from '@kooperacja/platform/testing/api-e2e-app';

const run = promisify(execFile);
jest.setTimeout(120_000);

// Distinctive enough that finding them anywhere means they leaked.
const NAME = 'Zdzisława Przybyszewska-Wróblewska';
const NAME_AS_CORRECTED = 'Zdzisława Przybyszewska-Kowalczyk';
const EMAIL = 'zdzislawa.przybyszewska@ops-erasure.example.pl';
const PHONE = '+48 601 987 654';
const NOTE = 'Odeszła z powodu choroby (Przybyszewska)';
const SECRETS = [NAME, NAME_AS_CORRECTED, EMAIL, PHONE, NOTE, 'Przybyszewska', 'zdzislawa.przybyszewska'];

const base = '/api/v1/tenants/mr2';
const READ_MODELS = ['rm_groups', 'rm_group_memberships', 'rm_group_member_people', 'rm_group_meetings'];

/** Everything written to stdout/stderr or the console while the test runs. */
class LogCapture {
  readonly lines: string[] = [];
  private readonly restore: (() => void)[] = [];

  start(): void {
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        this.lines.push(String(chunk));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      this.restore.push(() => (stream.write = write));
    }
    // The console as a plain object: every level is recorded, whatever the lint allows in code.
    const sink = globalThis.console as unknown as Record<string, (...args: unknown[]) => void>;
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
      const original = sink[level];
      sink[level] = (...args: unknown[]) => {
        this.lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
        original(...args);
      };
      this.restore.push(() => (sink[level] = original));
    }
  }

  stop(): void {
    for (const undo of this.restore.splice(0)) undo();
  }
}

describe('erasing a group member (crypto-shredding) on PostgreSQL and Kafka', () => {
  const brokers = testBrokers();
  const kafka = readKafkaConfig({
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('erasure'),
  })!;
  const logs = new LogCapture();
  const registry = new IntegrationEventRegistry([...groupsIntegrationMappers(), ...privacyIntegrationMappers()]);
  let publisher: KafkaPublisher;
  let e2e: ApiE2eApp;
  let reader: TopicReader | undefined;

  const server = () => e2e.app.getHttpServer();
  const bearer = (role: Role = 'tenant-admin', sub = `${role}-ewa`) => `Bearer ${e2e.token(role, 'mr2', { sub })}`;
  const post = (path: string, body: object, auth = bearer()) =>
    request(server()).post(`${base}${path}`).set('Authorization', auth).send(body);
  const get = (path: string, auth = bearer()) => request(server()).get(`${base}${path}`).set('Authorization', auth);

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of READ_MODELS) {
      const { rows } = await e2e.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0].n;
    }
    return counts;
  }

  beforeAll(async () => {
    logs.start();
    publisher = new KafkaPublisher(kafka, { log: (m, error) => console.warn(`[kafka] ${m}`, error ?? '') });
    await publisher.ensureTopics(
      sharedTopics(
        kafka,
        registry.definitions().map((d) => d.type),
      ),
    );
    e2e = await startApiE2eApp([groupsContext, privacyContext], {
      extraProjections: [new KafkaRelay(registry, publisher)],
      log: (m, error) => console.warn(`[projector] ${m}`, error ?? ''),
    });
    e2e.app.useLogger(['log', 'error', 'warn', 'debug', 'verbose']);
  });
  afterAll(async () => {
    await reader?.stop();
    await e2e?.close();
    await publisher?.close();
    logs.stop();
  });

  it('leaves the name and e-mail nowhere (database dump, Kafka topics, logs), and rebuilt read models count the same', async () => {
    // --- a member with a distinctive name, e-mail and phone, with everything a member goes through
    const convened = await post('/groups', {
      kind: 'PGR',
      level: 'powiat',
      territory: '2205',
      name: 'PGR powiatu kartuskiego',
      occurredAt: '2018-10-01',
    }).expect(201);
    const groupId: string = convened.body.groupId;
    const joined = await post(`/groups/${groupId}/members`, {
      fullName: NAME,
      email: EMAIL,
      phone: PHONE,
      institution: 'MGOPS Kartuzy',
      sector: 'social-assistance',
      role: 'chair',
      occurredAt: '2018-10-01',
    }).expect(201);
    const personId: string = joined.body.personId;
    const other = await post(`/groups/${groupId}/members`, {
      fullName: 'Jan Wiśniewski',
      institution: 'KPP Kartuzy',
      sector: 'police',
      role: 'member',
      occurredAt: '2018-10-08',
    }).expect(201);
    await post(`/groups/${groupId}/meetings`, {
      days: 2,
      attendance: { kind: 'members', personIds: [personId, other.body.personId] },
      occurredAt: '2018-10-19',
    }).expect(201);
    await post(`/groups/${groupId}/members/${personId}/corrections`, {
      membershipJoinedOn: '2018-10-01',
      fullName: NAME_AS_CORRECTED,
      reason: `nazwisko po ślubie: ${NAME_AS_CORRECTED}`,
      occurredAt: '2018-11-05',
    }).expect(201);
    await post(`/groups/${groupId}/members/${personId}/departure`, {
      reason: 'other',
      note: NOTE,
      occurredAt: '2019-03-31',
    }).expect(201);

    // Before erasure the tenant sees the person, yet the event log holds only ciphertext.
    await eventually(async () => {
      const res = await get(`/groups/${groupId}/composition?asOf=2018-10-19`).expect(200);
      expect(res.body.members).toEqual(
        expect.arrayContaining([expect.objectContaining({ fullName: NAME_AS_CORRECTED })]),
      );
    });
    const { rows: stored } = await e2e.owner.query<{ data: string }>(`SELECT data::text FROM es_events`);
    expect(stored.some((r) => r.data.includes('"$enc": "v1"'))).toBe(true);
    for (const secret of SECRETS) expect(stored.filter((r) => r.data.includes(secret))).toEqual([]);

    const access = await get(`/privacy/subjects/${personId}`).expect(200);
    expect(access.body).toMatchObject({ tenantId: 'mr2', subjectId: personId, key: { status: 'active' } });
    expect(access.body.events.map((e: { type: string }) => e.type)).toEqual([
      'groups.MemberJoined.v1',
      'groups.MeetingHeld.v1',
      'groups.MemberDetailsCorrected.v1',
      'groups.MemberLeft.v1',
    ]);
    expect(access.body.events[0].data).toMatchObject({ personId, fullName: NAME, email: EMAIL, phone: PHONE });
    // Other roles never see it: an editor is refused, an analyst does not even find the route.
    await get(`/privacy/subjects/${personId}`, bearer('tenant-editor')).expect(403);
    await post(`/privacy/subjects/${personId}/erasure`, {}, bearer('tenant-editor')).expect(403);
    await request(server())
      .get(`${base}/privacy/subjects/${personId}`)
      .set('Authorization', `Bearer ${e2e.token('analyst')}`)
      .expect(404);

    const before = await rowCounts();
    expect(before).toEqual({
      rm_groups: 1,
      rm_group_memberships: 2,
      rm_group_member_people: 2,
      rm_group_meetings: 1,
    });

    // --- erasure, retried with its Idempotency-Key and once more without
    const erase = () =>
      request(server())
        .post(`${base}/privacy/subjects/${personId}/erasure`)
        .set('Authorization', bearer('tenant-admin', 'admin-rodo'))
        .set('Idempotency-Key', `erase-${personId}`)
        .send({});
    const receipt = await erase().expect(201);
    expect(receipt.body).toEqual({
      tenantId: 'mr2',
      subjectId: personId,
      erasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      erasedBy: { sub: 'admin-rodo', role: 'tenant-admin' },
      erasedNow: true,
      event: { id: expect.any(String), type: 'privacy.PersonalDataErased.v1', streamId: `privacy.subject-${personId}` },
      what: expect.arrayContaining([expect.stringContaining('key was destroyed')]),
      limits: expect.arrayContaining([expect.stringContaining('backups')]),
    });
    const replayed = await erase().expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(receipt.body);
    const again = await post(`/privacy/subjects/${personId}/erasure`, {}).expect(201);
    expect(again.body).toMatchObject({ erasedNow: false, erasedAt: receipt.body.erasedAt, event: receipt.body.event });
    expect(
      (await e2e.owner.query(`SELECT 1 FROM es_events WHERE event_type = 'privacy.PersonalDataErased.v1'`)).rowCount,
    ).toBe(1);

    // The person shows as erased; the body keeps its size and its meeting.
    await eventually(async () => {
      const res = await get(`/groups/${groupId}/composition?asOf=2018-10-19`).expect(200);
      expect(res.body.size.members).toBe(2);
      expect(res.body.members).toEqual(
        expect.arrayContaining([expect.objectContaining({ personId, fullName: ERASED_LABEL })]),
      );
    });
    const record = await get(`/groups/${groupId}`).expect(200);
    expect(record.body.memberships[0]).toMatchObject({ personId, fullName: ERASED_LABEL, email: ERASED_LABEL });
    const exported = await get(`/privacy/subjects/${personId}`).expect(200);
    expect(exported.body.key).toMatchObject({ status: 'erased', erasedAt: receipt.body.erasedAt });
    expect(exported.body.events.at(-1)).toMatchObject({
      type: 'privacy.PersonalDataErased.v1',
      recordedBy: { sub: 'admin-rodo' },
    });
    // Nothing new can be recorded under the erased person's id with personal data.
    const refused = await post(`/groups/${groupId}/members`, {
      personId,
      fullName: NAME,
      institution: 'MGOPS Kartuzy',
      sector: 'social-assistance',
      role: 'member',
      occurredAt: '2019-05-01',
    }).expect(409);
    expect(refused.body.code).toBe('privacy.subject-erased');
    await post('/privacy/subjects/00000000-0000-4000-8000-000000000000/erasure', {}).expect(404);
    const bad = await post('/privacy/subjects/Zdzislawa/erasure', {}).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'subjectId', reason: expect.stringContaining('UUID') }]);

    // --- rebuilt from zero, the read models count what they counted before erasure
    const rebuilder = new ProjectionRebuilder(e2e.owner, e2e.store, e2e.db.url, { readerRole: appRoleName() });
    const rebuilt = await rebuilder.rebuild(groupCompositionProjection);
    expect(rebuilt.events).toBeGreaterThanOrEqual(7);
    expect(await rowCounts()).toEqual(before);
    const { rows: people } = await e2e.owner.query<{ full_name: string; email: string | null; phone: string | null }>(
      `SELECT full_name, email, phone FROM rm_group_member_people WHERE person_id = $1`,
      [personId],
    );
    expect(people).toEqual([{ full_name: ERASED_LABEL, email: ERASED_LABEL, phone: ERASED_LABEL }]);

    // --- Kafka: every topic of this run, read from the beginning, and the erasure on the platform topic
    const topics = await listTopics(brokers, `${kafka.topicPrefix}.`);
    reader = await TopicReader.start(brokers, topics);
    await reader.waitFor((records) =>
      records.some((r) => r.headers.ce_type === 'pl.kooperacja.platform.personal-data-erased.v1'),
    );
    // The relay publishes in log order, so every group event is on its topic by now: read them all.
    let held = 0;
    for (const topic of topics) held += await recordsIn(brokers, topic);
    await reader.waitFor((records) => records.length >= held);
    expect(reader.records.filter((r) => r.topic === `${kafka.topicPrefix}.groups.v1`).length).toBeGreaterThanOrEqual(5);
    const erasure = reader.records.find((r) => r.headers.ce_type === 'pl.kooperacja.platform.personal-data-erased.v1')!;
    expect(erasure.topic).toBe(`${kafka.topicPrefix}.platform.v1`);
    expect(erasure.headers.ce_tenantid).toBe('mr2');
    expect(JSON.parse(erasure.value)).toEqual({ subjectId: personId, erasedAt: receipt.body.erasedAt });
    const onKafka = JSON.stringify(reader.records);

    // --- the whole database, as a backup taken now would hold it
    const { stdout: dump } = await run('pg_dump', ['--no-owner', e2e.db.url], { maxBuffer: 256 * 1024 * 1024 });
    expect(dump).toContain('privacy_subject_keys');
    expect(dump).toContain(personId);

    logs.stop();
    const logged = logs.lines.join('\n');
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of SECRETS) {
      expect({ secret, inDump: dump.includes(secret) }).toEqual({ secret, inDump: false });
      expect({ secret, onKafka: onKafka.includes(secret) }).toEqual({ secret, onKafka: false });
      expect({ secret, inLogs: logged.includes(secret) }).toEqual({ secret, inLogs: false });
    }
  });
});
