import { Module, type Provider, type Type } from '@nestjs/common';
import { CommandRunner, EVENT_STORE, READ_MODELS, type EventStore } from '@kooperacja/platform';
import type { DataSource } from 'typeorm';
import { AmendBudgetHandler } from './amend-budget/amend-budget.handler';
import { AmendBudgetController } from './amend-budget/amend-budget.http';
import { AmendScheduleHandler } from './amend-schedule/amend-schedule.handler';
import { AmendScheduleController } from './amend-schedule/amend-schedule.http';
import { ApproveModelVersionHandler } from './approve-model-version/approve-model-version.handler';
import { ApproveModelVersionController } from './approve-model-version/approve-model-version.http';
import { CompleteMilestoneHandler } from './complete-milestone/complete-milestone.handler';
import { CompleteMilestoneController } from './complete-milestone/complete-milestone.http';
import { ProgrammePeriodLookup } from './contracts/programme-period.lookup';
import { CorrectFactHandler } from './correct-fact/correct-fact.handler';
import { CorrectFactController } from './correct-fact/correct-fact.http';
import { EstablishPartnershipHandler } from './establish-partnership/establish-partnership.handler';
import { EstablishPartnershipController } from './establish-partnership/establish-partnership.http';
import { JoinPartnershipHandler } from './join-partnership/join-partnership.handler';
import { JoinPartnershipController } from './join-partnership/join-partnership.http';
import { LeavePartnershipHandler } from './leave-partnership/leave-partnership.handler';
import { LeavePartnershipController } from './leave-partnership/leave-partnership.http';
import { ProjectOverviewController } from './project-overview/project-overview.http';
import { ProjectOverviewQuery } from './project-overview/project-overview.query';
import { ReadProjectController } from './read-project/read-project.http';
import { SetIndicatorTargetHandler } from './set-indicator-target/set-indicator-target.handler';
import { SetIndicatorTargetController } from './set-indicator-target/set-indicator-target.http';

const HANDLERS: Type<unknown>[] = [
  EstablishPartnershipHandler,
  JoinPartnershipHandler,
  LeavePartnershipHandler,
  AmendBudgetHandler,
  AmendScheduleHandler,
  SetIndicatorTargetHandler,
  CompleteMilestoneHandler,
  ApproveModelVersionHandler,
  CorrectFactHandler,
];

const handlerProviders: Provider[] = HANDLERS.map((handler) => ({
  provide: handler,
  inject: [CommandRunner],
  useFactory: (runner: CommandRunner) => new (handler as new (runner: CommandRunner) => unknown)(runner),
}));

/**
 * The programme context over HTTP: one controller per command under
 * `/api/v1/tenants/:tenantId/programme`, the write side's reads and the project overview read model.
 * Needs the platform's DatabaseModule (command runner, event store) and ReadModelsModule.
 * Exports the ProgrammePeriodLookup other contexts check their dates against.
 */
@Module({
  controllers: [
    EstablishPartnershipController,
    JoinPartnershipController,
    LeavePartnershipController,
    AmendBudgetController,
    AmendScheduleController,
    SetIndicatorTargetController,
    CompleteMilestoneController,
    ApproveModelVersionController,
    CorrectFactController,
    ReadProjectController,
    ProjectOverviewController,
  ],
  providers: [
    ...handlerProviders,
    {
      provide: ProgrammePeriodLookup,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new ProgrammePeriodLookup(store),
    },
    {
      provide: ProjectOverviewQuery,
      inject: [READ_MODELS],
      useFactory: (dataSource: DataSource) => new ProjectOverviewQuery(dataSource),
    },
  ],
  exports: [ProgrammePeriodLookup],
})
export class ProgrammeModule {}
