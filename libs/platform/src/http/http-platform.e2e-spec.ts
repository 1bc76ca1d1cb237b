import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import type { Pool } from 'pg';
import request from 'supertest';
import { CommandCtx } from '../auth/request-context';
import { Roles } from '../auth/decorators';
import { RouteCatalogue } from '../auth/route-catalogue';
import { TENANT_ROLES } from '../auth/roles';
import { assertVoivodeshipAllowed } from '../auth/voivodeship-scope';
import { loadOrCreateDevKeys, signDevToken, type DevKeys } from '../auth/dev-keys';
import { readConfig, type PlatformConfig } from '../config/config';
import { DatabaseModule, PG_POOL } from '../database/database.module';
import { createPool } from '../database/pool';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { CommandRunner, type CommandContext } from '../domain/command-runner';
import { conflict, invalid, notFound, type Decider, type DomainEvent } from '../domain/decider';
import { EventCatalogue } from '../domain/event-catalogue';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { walkRoutes } from '../testing/route-walk';
import { configureHttpApp } from './configure-http-app';
import { HttpPlatformModule } from './http-platform.module';

// The project-level testTimeout is not applied by Jest; database setup under load needs more than 5 s.
jest.setTimeout(60_000);

// A tiny bounded context, written the way real ones are, to drive the platform's HTTP layer.
type FactRecorded = DomainEvent<'FactRecorded', { factId: string; note: string; voivodeship?: string }>;
type RecordFact = { type: 'RecordFact'; data: { factId: string; note: string; voivodeship?: string } };
const decider: Decider<{ recorded: boolean }, RecordFact, FactRecorded> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide: (command, state) => {
    if (state.recorded) throw conflict('fact.exists', 'this fact is already recorded', 'factId');
    if (command.data.note === 'unacceptable') throw invalid('fact.note_invalid', 'this note is not acceptable', 'note');
    return [{ type: 'FactRecorded', data: command.data }];
  },
};
const catalogue = new EventCatalogue<FactRecorded>('probe.', [
  { type: 'FactRecorded', storedName: 'probe.FactRecorded.v1' },
]);

class RecordFactDto {
  @IsUUID()
  factId!: string;
  @IsString()
  @Length(1, 200)
  note!: string;
  @IsOptional()
  @IsString()
  voivodeship?: string;
  @IsDateString()
  occurredAt!: string;
}

class RevisionQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  expectedRevision?: number;
}

const UNREACHABLE = new PostgresEventStore(createPool('postgres://nobody@127.0.0.1:1/none', { max: 1 }));

@Controller('api/v1/tenants/:tenantId/probe-facts')
class ProbeController {
  constructor(private readonly runner: CommandRunner) {}

  @Post()
  @Roles('tenant-admin', 'tenant-editor')
  async record(@Body() dto: RecordFactDto, @Query() q: RevisionQuery, @CommandCtx() ctx: CommandContext) {
    assertVoivodeshipAllowed(ctx, dto.voivodeship);
    const { occurredAt, ...data } = dto;
    const result = await this.runner.run({
      decider,
      catalogue,
      streamId: `probe.fact-${dto.factId}`,
      command: { type: 'RecordFact', data },
      occurredAt,
      context: ctx,
      expectedRevision: q.expectedRevision,
    });
    return { streamId: result.streamId, revision: result.revision, commandId: ctx.commandId };
  }

  @Get('boom')
  @Roles(...TENANT_ROLES)
  boom() {
    throw new Error('secret internals: password=hunter2');
  }

  @Get('store-down')
  @Roles(...TENANT_ROLES)
  storeDown(@Param('tenantId') tenantId: string) {
    return UNREACHABLE.readStream(tenantId, 'probe.anything');
  }

  @Get(':factId')
  @Roles(...TENANT_ROLES)
  async get(@Param('tenantId') tenantId: string, @Param('factId') factId: string) {
    const { revision } = await this.runner.load(tenantId, `probe.fact-${factId}`, decider, catalogue);
    if (revision < 0) throw notFound('fact.unknown', 'no such fact');
    return { factId, revision };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the HTTP platform around a context', () => {
  let db: TestDatabase;
  let dir: string;
  let config: PlatformConfig;
  let keys: DevKeys;
  let app: NestExpressApplication;
  let owner: Pool;
  const token = (role: string, tenant?: string, voivodeships?: string[], sub = `${role}@${tenant}`) =>
    signDevToken(keys, {
      sub,
      role,
      tenant,
      voivodeships,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    });
  const events = async (tenant?: string) =>
    (
      await owner.query(
        `SELECT tenant_id, stream_id, event_id, metadata FROM es_events
          WHERE $1::text IS NULL OR tenant_id = $1 ORDER BY global_position`,
        [tenant ?? null],
      )
    ).rows;
  const server = () => app.getHttpServer();
  const fact = (over: Record<string, unknown> = {}) => ({
    factId: crypto.randomUUID(),
    note: 'PGR met in Chojnice',
    occurredAt: '2019-03-14',
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'kooperacja-http-'));
    config = readConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATABASE_APP_URL: db.appUrl,
      DEV_KEYS_DIR: dir,
      TENANT_EXPORT_DIR: dir,
    });
    keys = loadOrCreateDevKeys(dir);
    const moduleRef = await Test.createTestingModule({
      imports: [
        DatabaseModule.forRoot({ databaseUrl: db.url, appDatabaseUrl: db.appUrl }),
        HttpPlatformModule.forRoot(config),
        ProbeModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureHttpApp(app, config.http);
    await app.init();
    owner = app.get<Pool>(PG_POOL);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('commands', () => {
    it('records the actor, tenant and correlation from the token and headers, not the body', async () => {
      const clean = fact();
      const refused = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', `Bearer ${token('tenant-admin', 'mr1')}`)
        .send({ ...clean, tenantId: 'mr2' });
      expect(refused.status).toBe(400); // a tenant in the body is not a field of the command

      const res = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', `Bearer ${token('tenant-admin', 'mr1')}`)
        .set('X-Correlation-Id', 'import-2024-05')
        .send(clean)
        .expect(201);
      const [stored] = (await events()).filter((e) => e.stream_id === res.body.streamId);
      expect(stored.tenant_id).toBe('mr1');
      expect(stored.metadata).toMatchObject({
        tenantId: 'mr1',
        actor: { sub: 'tenant-admin@mr1', role: 'tenant-admin', tenantId: 'mr1' },
        correlationId: 'import-2024-05',
        commandId: res.body.commandId,
        causationId: res.body.commandId,
        occurredAt: '2019-03-14',
      });
    });

    it('answers validation failures with 400 and each field at fault', async () => {
      const res = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', `Bearer ${token('tenant-admin', 'mr1')}`)
        .send({ factId: 'not-a-uuid', note: '', occurredAt: 'yesterday', colour: 'red' })
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'validation failed' });
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'colour',
        'factId',
        'note',
        'occurredAt',
      ]);
      expect(res.body.errors).toContainEqual({ field: 'colour', reason: 'property colour should not exist' });
    });

    it('maps refusals of the decider: invalid 400 with the field, conflict 409, not found 404', async () => {
      const admin = `Bearer ${token('tenant-admin', 'mr1')}`;
      const bad = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', admin)
        .send(fact({ note: 'unacceptable' }));
      expect([bad.status, bad.body.code, bad.body.errors]).toEqual([
        400,
        'fact.note_invalid',
        [{ field: 'note', reason: 'this note is not acceptable' }],
      ]);

      const body = fact();
      await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', admin)
        .send(body)
        .expect(201);
      const again = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', admin)
        .send(body);
      expect([again.status, again.body.code]).toEqual([409, 'fact.exists']);

      const missing = await request(server())
        .get(`/api/v1/tenants/mr1/probe-facts/${crypto.randomUUID()}`)
        .set('Authorization', admin);
      expect([missing.status, missing.body.code]).toEqual([404, 'fact.unknown']);
    });

    it('answers a stale expected revision with 409 and the current revision', async () => {
      const res = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts?expectedRevision=3')
        .set('Authorization', `Bearer ${token('tenant-admin', 'mr1')}`)
        .send(fact());
      expect([res.status, res.body.code, res.body.currentRevision]).toEqual([409, 'revision.conflict', -1]);
    });
  });

  describe('voivodeships of an editor', () => {
    it('lets an editor record facts in its voivodeships only, and writes nothing otherwise', async () => {
      const editor = `Bearer ${token('tenant-editor', 'mr1', ['podkarpackie'])}`;
      const before = (await events()).length;
      const refused = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', editor)
        .send(fact({ voivodeship: 'lubelskie' }));
      expect([refused.status, refused.body.code]).toEqual([403, 'voivodeship.forbidden']);
      expect((await events()).length).toBe(before);

      await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', editor)
        .send(fact({ voivodeship: 'Podkarpackie' }))
        .expect(201);
      await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', editor)
        .send(fact())
        .expect(201);
    });
  });

  describe('idempotency', () => {
    it('replays the first response to a retry with the same key and body, and writes once', async () => {
      const admin = `Bearer ${token('tenant-admin', 'mr1')}`;
      const body = fact();
      const first = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'retry-1')
        .send(body)
        .expect(201);
      const retry = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'retry-1')
        .send({ occurredAt: body.occurredAt, note: body.note, factId: body.factId })
        .expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect((await events()).filter((e) => e.stream_id === first.body.streamId)).toHaveLength(1);
    });

    it('refuses the same key with a different body (422) and writes nothing', async () => {
      const admin = `Bearer ${token('tenant-admin', 'mr1')}`;
      await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'retry-2')
        .send(fact())
        .expect(201);
      const before = (await events()).length;
      const res = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'retry-2')
        .send(fact());
      expect([res.status, res.body.code]).toEqual([422, 'idempotency.key_reused']);
      expect((await events()).length).toBe(before);
    });

    it("never answers one tenant's key with another tenant's response", async () => {
      const body = fact();
      const mr1 = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', `Bearer ${token('tenant-admin', 'mr1', undefined, 'same-user')}`)
        .set('Idempotency-Key', 'shared-key')
        .send(body)
        .expect(201);
      const mr2 = await request(server())
        .post('/api/v1/tenants/mr2/probe-facts')
        .set('Authorization', `Bearer ${token('tenant-admin', 'mr2', undefined, 'same-user')}`)
        .set('Idempotency-Key', 'shared-key')
        .send(body)
        .expect(201);
      expect(mr2.headers['idempotent-replayed']).toBeUndefined();
      expect(mr2.body.commandId).not.toBe(mr1.body.commandId);
      expect((await events('mr2')).map((e) => e.stream_id)).toContain(mr2.body.streamId);
    });

    it('lets a failed request be retried under the same key', async () => {
      const admin = `Bearer ${token('tenant-admin', 'mr1')}`;
      const body = fact({ note: 'unacceptable' });
      const post = () =>
        request(server())
          .post('/api/v1/tenants/mr1/probe-facts')
          .set('Authorization', admin)
          .set('Idempotency-Key', 'retry-3')
          .send(body);
      expect((await post()).status).toBe(400);
      expect((await post()).status).toBe(400);
    });

    it('refuses a malformed Idempotency-Key', async () => {
      const res = await request(server())
        .post('/api/v1/tenants/mr1/probe-facts')
        .set('Authorization', `Bearer ${token('tenant-admin', 'mr1')}`)
        .set('Idempotency-Key', 'x'.repeat(300))
        .send(fact());
      expect(res.status).toBe(400);
    });
  });

  describe('failures', () => {
    it('answers an unexpected error with 500 and no internals', async () => {
      const res = await request(server())
        .get('/api/v1/tenants/mr1/probe-facts/boom')
        .set('Authorization', `Bearer ${token('tenant-viewer', 'mr1')}`);
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toMatch(/hunter2|secret|stack/);
      expect(res.body).toMatchObject({ statusCode: 500, message: 'internal error' });
      expect(typeof res.body.requestId).toBe('string');
    });

    it('answers an unreachable database with 503 and Retry-After', async () => {
      const res = await request(server())
        .get('/api/v1/tenants/mr1/probe-facts/store-down')
        .set('Authorization', `Bearer ${token('tenant-viewer', 'mr1')}`);
      expect([res.status, res.headers['retry-after'], res.body.code]).toEqual([503, '5', 'store.unavailable']);
    });
  });

  it('walks these routes too: refused writes leave the store unchanged', async () => {
    const callers = [
      { name: 'anonymous' },
      { name: 'analyst', role: 'analyst' as const, token: token('analyst') },
      { name: 'operator', role: 'platform-operator' as const, token: token('platform-operator') },
      ...TENANT_ROLES.map((role) => ({
        name: role,
        role,
        tenantId: 'mr1',
        token: token(role, 'mr1', ['podkarpackie']),
      })),
    ];
    const routes = app
      .get(RouteCatalogue)
      .routes()
      .filter((r) => r.path.includes('probe-facts') && !/\/(boom|store-down)$/.test(r.path));
    const problems = await walkRoutes(app, routes, callers, {
      ownTenant: 'mr1',
      otherTenant: 'mr2',
      snapshot: async () => (await events()).length,
    });
    expect(problems).toEqual([]);
  });
});
