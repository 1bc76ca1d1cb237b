import { mapping, mappersFor, type IntegrationEventMapper } from '@kooperacja/platform/messaging';
import type {
  BudgetAmended,
  FactCorrected,
  IndicatorTargetSet,
  MilestoneCompleted,
  ModelVersionApproved,
  PartnerJoined,
  PartnerLeft,
  PartnershipEstablished,
  ProjectFact,
  ScheduleAmended,
} from '../../project/project.events';
import { programmeCatalogue } from '../../project/project.catalogue';
import type { Partner } from '../project.view';
import {
  budgetAmendedV1,
  factCorrectedV1,
  indicatorTargetSetV1,
  milestoneCompletedV1,
  modelVersionApprovedV1,
  partnerJoinedV1,
  partnerLeftV1,
  partnershipEstablishedV1,
  scheduleAmendedV1,
} from './events';

const partnerOf = (p: Partner): Partner => ({
  partnerId: p.partnerId,
  name: p.name,
  kind: p.kind,
  voivodeships: [...p.voivodeships],
});

/** Integration data of each fact, from its (allow-listed) domain data; also used for corrections. */
const facts: {
  [T in ProjectFact['type']]: (d: Extract<ProjectFact, { type: T }>['data']) => { type: string; data: object };
} = {
  PartnershipEstablished: (d) => ({
    type: partnershipEstablishedV1.type,
    data: {
      projectTitle: d.projectTitle,
      leadPartnerId: d.leadPartnerId,
      partners: d.partners.map(partnerOf),
      plannedPeriod: { start: d.plannedPeriod.start, end: d.plannedPeriod.end },
      budget: { ...d.budget },
      establishedOn: d.establishedOn,
    },
  }),
  PartnerJoined: (d) => ({ type: partnerJoinedV1.type, data: { partner: partnerOf(d.partner), joinedOn: d.joinedOn } }),
  PartnerLeft: (d) => ({ type: partnerLeftV1.type, data: { partnerId: d.partnerId, leftOn: d.leftOn } }),
  BudgetAmended: (d) => ({ type: budgetAmendedV1.type, data: { budget: { ...d.budget }, amendedOn: d.amendedOn } }),
  ScheduleAmended: (d) => ({
    type: scheduleAmendedV1.type,
    data: { period: { start: d.period.start, end: d.period.end }, amendedOn: d.amendedOn },
  }),
  IndicatorTargetSet: (d) => ({
    type: indicatorTargetSetV1.type,
    data: { indicator: d.indicator, value: d.value, unit: d.unit, setOn: d.setOn },
  }),
  MilestoneCompleted: (d) => ({
    type: milestoneCompletedV1.type,
    data: { milestone: d.milestone, completedOn: d.completedOn },
  }),
  ModelVersionApproved: (d) => ({
    type: modelVersionApprovedV1.type,
    data: { version: d.version, ministryOpinion: d.ministryOpinion, approvedOn: d.approvedOn },
  }),
};

const factType = (type: ProjectFact['type']) =>
  ({
    PartnershipEstablished: partnershipEstablishedV1.type,
    PartnerJoined: partnerJoinedV1.type,
    PartnerLeft: partnerLeftV1.type,
    BudgetAmended: budgetAmendedV1.type,
    ScheduleAmended: scheduleAmendedV1.type,
    IndicatorTargetSet: indicatorTargetSetV1.type,
    MilestoneCompleted: milestoneCompletedV1.type,
    ModelVersionApproved: modelVersionApprovedV1.type,
  })[type];

const pln = (grosze: string) => ({ grosze, currency: 'PLN' as const });

/** Stored programme events → integration events. `source` and `reason` (free text) never leave. */
export function programmeIntegrationMappers(): IntegrationEventMapper[] {
  return mappersFor(programmeCatalogue, {
    PartnershipEstablished: mapping<PartnershipEstablished['data']>()({
      fields: ['projectTitle', 'leadPartnerId', 'partners', 'plannedPeriod', 'budget', 'establishedOn'],
      produces: [partnershipEstablishedV1],
      map: ({ data }) => [facts.PartnershipEstablished(data as PartnershipEstablished['data'])],
      sample: {
        projectTitle: 'Liderzy kooperacji',
        leadPartnerId: 'rops-rzeszow',
        partners: [
          { partnerId: 'rops-rzeszow', name: 'ROPS w Rzeszowie', kind: 'ROPS', voivodeships: ['podkarpackie'] },
          { partnerId: 'mcps-warszawa', name: 'MCPS w Warszawie', kind: 'MCPS', voivodeships: ['mazowieckie'] },
        ],
        plannedPeriod: { start: '2018-04-01', end: '2023-10-31' },
        budget: { total: pln('3489569240'), euShare: pln('2965784897') },
        establishedOn: '2018-03-20',
        source: 'umowa o dofinansowanie',
      },
    }),
    PartnerJoined: mapping<PartnerJoined['data']>()({
      fields: ['partner', 'joinedOn'],
      produces: [partnerJoinedV1],
      map: ({ data }) => [facts.PartnerJoined(data as PartnerJoined['data'])],
      sample: {
        partner: { partnerId: 'rops-lublin', name: 'ROPS w Lublinie', kind: 'ROPS', voivodeships: ['lubelskie'] },
        joinedOn: '2018-05-01',
        source: null,
      },
    }),
    PartnerLeft: mapping<PartnerLeft['data']>()({
      fields: ['partnerId', 'leftOn'],
      produces: [partnerLeftV1],
      map: ({ data }) => [facts.PartnerLeft(data as PartnerLeft['data'])],
      sample: { partnerId: 'rops-lublin', leftOn: '2020-12-31', reason: 'decyzja zarządu', source: null },
    }),
    BudgetAmended: mapping<BudgetAmended['data']>()({
      fields: ['budget', 'amendedOn'],
      produces: [budgetAmendedV1],
      map: ({ data }) => [facts.BudgetAmended(data as BudgetAmended['data'])],
      sample: {
        budget: { total: pln('3160436834'), targetedGrant: pln('486820671') },
        amendedOn: '2021-06-30',
        source: 'aneks 3',
      },
      olderSamples: {
        'programme.BudgetAmended.v1': {
          totalPln: 31604368.34,
          euSharePln: null,
          amendedOn: '2021-06-30',
          source: 'aneks 3',
        },
      },
    }),
    ScheduleAmended: mapping<ScheduleAmended['data']>()({
      fields: ['period', 'amendedOn'],
      produces: [scheduleAmendedV1],
      map: ({ data }) => [facts.ScheduleAmended(data as ScheduleAmended['data'])],
      sample: { period: { start: '2018-04-01', end: '2022-12-31' }, amendedOn: '2021-02-15', source: 'aneks 2' },
    }),
    IndicatorTargetSet: mapping<IndicatorTargetSet['data']>()({
      fields: ['indicator', 'value', 'unit', 'setOn'],
      produces: [indicatorTargetSetV1],
      map: ({ data }) => [facts.IndicatorTargetSet(data as IndicatorTargetSet['data'])],
      sample: { indicator: 'families-enrolled', value: 172, unit: 'families', setOn: '2019-06-01', source: 'wniosek' },
    }),
    MilestoneCompleted: mapping<MilestoneCompleted['data']>()({
      fields: ['milestone', 'completedOn'],
      produces: [milestoneCompletedV1],
      map: ({ data }) => [facts.MilestoneCompleted(data as MilestoneCompleted['data'])],
      sample: { milestone: 2, completedOn: '2020-12-31', source: null },
    }),
    ModelVersionApproved: mapping<ModelVersionApproved['data']>()({
      fields: ['version', 'ministryOpinion', 'approvedOn'],
      produces: [modelVersionApprovedV1],
      map: ({ data }) => [facts.ModelVersionApproved(data as ModelVersionApproved['data'])],
      sample: {
        version: '1.0',
        approvedBy: 'Komitet Sterujący',
        ministryOpinion: 'with-remarks',
        approvedOn: '2019-03-14',
        source: null,
      },
    }),
    FactCorrected: mapping<FactCorrected['data']>()({
      fields: ['correctedEventId', 'correctedType', 'replacement', 'correctedOn'],
      produces: [factCorrectedV1],
      map: ({ data }) => {
        const replace = facts[data.correctedType] as (d: unknown) => { data: object };
        return [
          {
            type: factCorrectedV1.type,
            data: {
              correctedEventId: data.correctedEventId,
              correctedType: factType(data.correctedType),
              replacement: data.replacement === null ? null : replace(data.replacement).data,
              correctedOn: data.correctedOn,
            },
          },
        ];
      },
      sample: {
        correctedEventId: '3f1d2a90-5b7c-4e8f-9a1b-2c3d4e5f6a7b',
        correctedRevision: 4,
        correctedType: 'PartnerLeft',
        reason: 'pomyłka w dacie',
        replacement: { partnerId: 'rops-lublin', leftOn: '2021-01-31', reason: 'decyzja zarządu', source: 'pismo' },
        correctedOn: '2021-02-03',
      },
    }),
  });
}
