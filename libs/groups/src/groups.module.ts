import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import {
  CommandRunner,
  EVENT_STORE,
  READ_MODELS,
  TENANT_DIRECTORY,
  type EventStore,
  type ProjectPeriodLookup,
  type TenantDirectory,
} from '@kooperacja/platform';
import type { DataSource } from 'typeorm';
import { ChangeMemberRoleHandler } from './change-member-role/change-member-role.handler';
import { ChangeMemberRoleController } from './change-member-role/change-member-role.http';
import { GroupsFacade } from './contracts/groups.facade';
import { ConveneGroupHandler } from './convene-group/convene-group.handler';
import { ConveneGroupController } from './convene-group/convene-group.http';
import { CorrectGroupDetailsHandler } from './correct-group-details/correct-group-details.handler';
import { CorrectGroupDetailsController } from './correct-group-details/correct-group-details.http';
import { CorrectMeetingHandler } from './correct-meeting/correct-meeting.handler';
import { CorrectMeetingController } from './correct-meeting/correct-meeting.http';
import { CorrectMemberDetailsHandler } from './correct-member-details/correct-member-details.handler';
import { CorrectMemberDetailsController } from './correct-member-details/correct-member-details.http';
import { DissolveGroupHandler } from './dissolve-group/dissolve-group.handler';
import { DissolveGroupController } from './dissolve-group/dissolve-group.http';
import { GetGroupController } from './get-group/get-group.http';
import { GroupRecord } from './get-group/group-record';
import { GroupCompositionController } from './group-composition/group-composition.http';
import { GroupCompositionQuery } from './group-composition/group-composition.query';
import { HoldMeetingHandler } from './hold-meeting/hold-meeting.handler';
import { HoldMeetingController } from './hold-meeting/hold-meeting.http';
import { JoinMemberHandler } from './join-member/join-member.handler';
import { JoinMemberController } from './join-member/join-member.http';
import { LeaveGroupHandler } from './leave-group/leave-group.handler';
import { LeaveGroupController } from './leave-group/leave-group.http';

/** The project period every new fact is checked against (the programme context's, wired by the composition). */
export const GROUPS_PROJECT_PERIODS = Symbol('GROUPS_PROJECT_PERIODS');

export interface GroupsModuleOptions {
  /** Builds the tenant's project period lookup from the event store. */
  readonly projectPeriods: (store: EventStore) => ProjectPeriodLookup;
}

type HandlerClass = new (runner: CommandRunner, periods: ProjectPeriodLookup) => unknown;
type TenantHandlerClass = new (
  runner: CommandRunner,
  periods: ProjectPeriodLookup,
  tenants: TenantDirectory,
) => unknown;

const handler = (type: HandlerClass): Provider => ({
  provide: type,
  inject: [CommandRunner, GROUPS_PROJECT_PERIODS],
  useFactory: (runner: CommandRunner, periods: ProjectPeriodLookup) => new type(runner, periods),
});

const tenantHandler = (type: TenantHandlerClass): Provider => ({
  provide: type,
  inject: [CommandRunner, GROUPS_PROJECT_PERIODS, TENANT_DIRECTORY],
  useFactory: (runner: CommandRunner, periods: ProjectPeriodLookup, tenants: TenantDirectory) =>
    new type(runner, periods, tenants),
});

/**
 * The groups context over HTTP: a controller per command under `/api/v1/tenants/:tenantId/groups`,
 * the group's record and history (write side), and the group-composition read model. Needs the
 * platform's DatabaseModule, HttpPlatformModule (tenant directory) and ReadModelsModule.
 */
@Module({})
export class GroupsModule {
  static forRoot(options: GroupsModuleOptions): DynamicModule {
    return {
      module: GroupsModule,
      controllers: [
        ConveneGroupController,
        JoinMemberController,
        LeaveGroupController,
        ChangeMemberRoleController,
        HoldMeetingController,
        DissolveGroupController,
        CorrectGroupDetailsController,
        CorrectMemberDetailsController,
        CorrectMeetingController,
        GroupCompositionController,
        GetGroupController,
      ],
      providers: [
        { provide: GROUPS_PROJECT_PERIODS, inject: [EVENT_STORE], useFactory: options.projectPeriods },
        tenantHandler(ConveneGroupHandler),
        handler(JoinMemberHandler),
        handler(LeaveGroupHandler),
        handler(ChangeMemberRoleHandler),
        handler(HoldMeetingHandler),
        handler(DissolveGroupHandler),
        tenantHandler(CorrectGroupDetailsHandler),
        handler(CorrectMemberDetailsHandler),
        handler(CorrectMeetingHandler),
        {
          provide: GroupRecord,
          inject: [CommandRunner],
          useFactory: (runner: CommandRunner) => new GroupRecord(runner),
        },
        { provide: GroupsFacade, inject: [EVENT_STORE], useFactory: (store: EventStore) => new GroupsFacade(store) },
        {
          provide: GroupCompositionQuery,
          inject: [READ_MODELS],
          useFactory: (dataSource: DataSource) => new GroupCompositionQuery(dataSource),
        },
      ],
      exports: [GroupsFacade, GroupCompositionQuery],
    };
  }
}
