import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { GroupsFacade } from '@kooperacja/groups';
import {
  CommandRunner,
  EVENT_STORE,
  READ_MODELS,
  type EventStore,
  type ProjectPeriodLookup,
} from '@kooperacja/platform';
import type { DataSource } from 'typeorm';
import { AdoptDecisionHandler } from './adopt-decision/adopt-decision.handler';
import { AdoptDecisionController } from './adopt-decision/adopt-decision.http';
import { AmendDecisionHandler } from './amend-decision/amend-decision.handler';
import { AmendDecisionController } from './amend-decision/amend-decision.http';
import { CorrectDecisionRecordHandler } from './correct-decision-record/correct-decision-record.handler';
import { CorrectDecisionRecordController } from './correct-decision-record/correct-decision-record.http';
import { DecisionsLogController } from './decisions-log/decisions-log.http';
import { DecisionsLogQuery } from './decisions-log/decisions-log.query';
import { DecisionRecord } from './get-decision/decision-record';
import { GetDecisionController } from './get-decision/get-decision.http';
import { ProposeDecisionHandler } from './propose-decision/propose-decision.handler';
import { ProposeDecisionController } from './propose-decision/propose-decision.http';
import { RejectDecisionHandler } from './reject-decision/reject-decision.handler';
import { RejectDecisionController } from './reject-decision/reject-decision.http';
import { RevokeDecisionHandler } from './revoke-decision/revoke-decision.handler';
import { RevokeDecisionController } from './revoke-decision/revoke-decision.http';

/** The project period every new fact is checked against (the programme context's, wired by the composition). */
export const DECISIONS_PROJECT_PERIODS = Symbol('DECISIONS_PROJECT_PERIODS');
const DECISIONS_GROUPS = Symbol('DECISIONS_GROUPS');

export interface DecisionsModuleOptions {
  /** Builds the tenant's project period lookup from the event store. */
  readonly projectPeriods: (store: EventStore) => ProjectPeriodLookup;
}

type HandlerClass = new (runner: CommandRunner, periods: ProjectPeriodLookup, groups: GroupsFacade) => unknown;

const handler = (type: HandlerClass): Provider => ({
  provide: type,
  inject: [CommandRunner, DECISIONS_PROJECT_PERIODS, DECISIONS_GROUPS],
  useFactory: (runner: CommandRunner, periods: ProjectPeriodLookup, groups: GroupsFacade) =>
    new type(runner, periods, groups),
});

/**
 * The decisions context over HTTP: a controller per command under
 * `/api/v1/tenants/:tenantId/decisions`, the decision's record and history (write side), and the
 * decisions log read model. The deciding body is read through the groups context's facade.
 */
@Module({})
export class DecisionsModule {
  static forRoot(options: DecisionsModuleOptions): DynamicModule {
    return {
      module: DecisionsModule,
      controllers: [
        ProposeDecisionController,
        AdoptDecisionController,
        RejectDecisionController,
        AmendDecisionController,
        RevokeDecisionController,
        CorrectDecisionRecordController,
        DecisionsLogController,
        GetDecisionController,
      ],
      providers: [
        { provide: DECISIONS_PROJECT_PERIODS, inject: [EVENT_STORE], useFactory: options.projectPeriods },
        {
          provide: DECISIONS_GROUPS,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new GroupsFacade(store),
        },
        handler(ProposeDecisionHandler),
        handler(AdoptDecisionHandler),
        handler(RejectDecisionHandler),
        handler(AmendDecisionHandler),
        handler(RevokeDecisionHandler),
        handler(CorrectDecisionRecordHandler),
        {
          provide: DecisionRecord,
          inject: [CommandRunner],
          useFactory: (runner: CommandRunner) => new DecisionRecord(runner),
        },
        {
          provide: DecisionsLogQuery,
          inject: [READ_MODELS],
          useFactory: (dataSource: DataSource) => new DecisionsLogQuery(dataSource),
        },
      ],
      exports: [DecisionsLogQuery],
    };
  }
}
