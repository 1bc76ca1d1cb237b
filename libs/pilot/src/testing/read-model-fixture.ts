import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  CommandRunner,
  PartitionWorker,
  PostgresEventStore,
  ProjectionRebuilder,
  ProjectionSchema,
  appRoleName,
  createPool,
  type CommandContext,
  type EntityClass,
  type Projection,
} from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { AgreeIndividualPlanHandler } from '../agree-individual-plan/agree-individual-plan.handler';
import { CloseCaseHandler } from '../close-case/close-case.handler';
import { CompleteDiagnosisHandler } from '../complete-diagnosis/complete-diagnosis.handler';
import { CompletePlanHandler } from '../complete-plan/complete-plan.handler';
import { CorrectCaseFactHandler } from '../correct-case-fact/correct-case-fact.handler';
import { EnrolCaseHandler } from '../enrol-case/enrol-case.handler';
import { RecordCaseTeamMeetingHandler } from '../record-case-team-meeting/record-case-team-meeting.handler';
import { RecordCoachingSessionHandler } from '../record-coaching-session/record-coaching-session.handler';
import { RecordSupervisionSessionHandler } from '../record-supervision-session/record-supervision-session.handler';
import { RecordSupportDeliveryHandler } from '../record-support-delivery/record-support-delivery.handler';
import { RecordTrainingHandler } from '../record-training/record-training.handler';
import { ReportPilotOutcomeHandler } from '../report-pilot-outcome/report-pilot-outcome.handler';
import { ReviewPlanHandler } from '../review-plan/review-plan.handler';
import { FixedProjectPeriods, FixedTenantDirectory } from './in-memory-ports';

const periods = new FixedProjectPeriods({
  mr1: { start: '2018-04-01', end: '2023-10-31' },
  mr3: { start: '2018-04-01', end: '2021-06-30' },
});
const tenants = new FixedTenantDirectory([
  {
    id: 'mr1',
    name: 'Liderzy kooperacji',
    nameEn: 'Leaders of cooperation',
    municipalityType: 'rural',
    voivodeships: ['lubelskie', 'mazowieckie', 'podkarpackie', 'podlaskie', 'świętokrzyskie'],
    status: 'active',
  },
  {
    id: 'mr3',
    name: 'Kooperacje 3D',
    nameEn: 'Cooperations 3D',
    municipalityType: 'urban',
    voivodeships: ['śląskie', 'łódzkie', 'małopolskie', 'opolskie'],
    status: 'active',
  },
]);

export function pilotHandlers(runner: CommandRunner) {
  return {
    enrol: new EnrolCaseHandler(runner, periods, tenants),
    diagnose: new CompleteDiagnosisHandler(runner, periods),
    agreePlan: new AgreeIndividualPlanHandler(runner, periods),
    meeting: new RecordCaseTeamMeetingHandler(runner, periods),
    support: new RecordSupportDeliveryHandler(runner, periods),
    review: new ReviewPlanHandler(runner, periods),
    completePlan: new CompletePlanHandler(runner, periods),
    close: new CloseCaseHandler(runner, periods),
    correct: new CorrectCaseFactHandler(runner, periods),
    coaching: new RecordCoachingSessionHandler(runner, periods, tenants),
    supervision: new RecordSupervisionSessionHandler(runner, periods, tenants),
    training: new RecordTrainingHandler(runner, periods, tenants),
    report: new ReportPilotOutcomeHandler(runner, periods, tenants),
  };
}

export function context(tenantId: string): CommandContext {
  const commandId = randomUUID();
  return {
    tenantId,
    actor: { sub: 'editor-7', role: 'tenant-admin', tenantId },
    commandId,
    correlationId: randomUUID(),
    causationId: commandId,
  };
}

/**
 * A fresh database with the handlers writing real events, a projection run the way the
 * projector runs it, and the read-model data source on the application role (RLS applies).
 */
export interface ReadModelFixture {
  readonly db: TestDatabase;
  readonly owner: Pool;
  readonly store: PostgresEventStore;
  readonly h: ReturnType<typeof pilotHandlers>;
  /** TypeORM on the application role, as the API reads read models. */
  readonly readModels: DataSource;
  /** Catches the projection up for these tenants (one batch of up to `batchSize` at a time). */
  project(tenants: readonly string[], batchSize?: number): Promise<void>;
  /** Replays every event into a new version with `batchSize` events a batch, and swaps to it. */
  rebuild(batchSize: number): Promise<number>;
  /** Rows of a version's physical table, in key order, with every column. */
  rowsOf(table: string, version: number): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function readModelFixture(
  projection: Projection,
  entities: readonly EntityClass[],
): Promise<ReadModelFixture> {
  const db = await createTestDatabase();
  const owner = createPool(db.url, { max: 10 });
  const store = new PostgresEventStore(owner);
  const schema = new ProjectionSchema(owner, appRoleName());
  const version = await schema.ensureActive(projection);
  const readModels = await new DataSource({
    type: 'postgres',
    url: db.appUrl,
    entities: [...entities],
    synchronize: false,
    logging: false,
  }).initialize();
  return {
    db,
    owner,
    store,
    h: pilotHandlers(new CommandRunner(store)),
    readModels,
    async project(tenantIds, batchSize = 1000) {
      for (const tenantId of tenantIds) {
        await new PartitionWorker(owner, store, projection, version, tenantId, batchSize).catchUp();
      }
    },
    async rebuild(batchSize) {
      const result = await new ProjectionRebuilder(owner, store, db.url, {
        batchSize,
        readerRole: appRoleName(),
      }).rebuild(projection);
      return result.toVersion;
    },
    async rowsOf(table, v) {
      const { rows } = await owner.query(`SELECT * FROM ${table}_v${v} ORDER BY 1, 2`);
      return rows;
    },
    async close() {
      await readModels.destroy();
      await owner.end();
      await db.drop();
    },
  };
}
