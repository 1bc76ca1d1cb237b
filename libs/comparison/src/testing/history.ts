import { createHash, randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, RecordedEvent } from '@kooperacja/platform';
import { decisionEventCatalogue, decisionStreamId } from '@kooperacja/decisions';
import { groupEventCatalogue, groupStreamId } from '@kooperacja/groups';
import { caseEventCatalogue, caseStreamId, siteEventCatalogue, siteStreamId } from '@kooperacja/pilot';
import { PROJECT_STREAM_ID, pln, programmeCatalogue } from '@kooperacja/programme';
import { municipalityCatalogue, municipalityStreamId, powiatCatalogue, powiatStreamId } from '@kooperacja/territory';

/**
 * Events as the contexts store them, for the comparison's tests: stored names from each
 * context's catalogue, data in each event's shape. Tests only.
 */
export interface HistoryEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: object;
  readonly occurredAt: string;
}

const at = (streamId: string, type: string, data: object, occurredAt: string): HistoryEvent => ({
  streamId,
  type,
  data,
  occurredAt,
});

/** A stable uuid from a short name, so tests can say 'pzk-1' and the events hold uuids. */
export function uuidOf(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const programme = (type: string, data: object, on: string) =>
  at(PROJECT_STREAM_ID, programmeCatalogue.storedNameOf(type as never), data, on);

export const history = {
  partnership: (on: string, budget: { total?: string; euShare?: string }) =>
    programme(
      'PartnershipEstablished',
      {
        projectTitle: 'Projekt testowy',
        leadPartnerId: 'rops-a',
        partners: [{ partnerId: 'rops-a', name: 'ROPS A', kind: 'ROPS', voivodeships: ['pomorskie'] }],
        plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
        budget: {
          ...(budget.total ? { total: pln(budget.total) } : {}),
          ...(budget.euShare ? { euShare: pln(budget.euShare) } : {}),
        },
        establishedOn: on,
        source: 'test',
      },
      on,
    ),
  budgetAmended: (on: string, budget: { total?: string; euShare?: string }) =>
    programme(
      'BudgetAmended',
      {
        budget: {
          ...(budget.total ? { total: pln(budget.total) } : {}),
          ...(budget.euShare ? { euShare: pln(budget.euShare) } : {}),
        },
        amendedOn: on,
        source: 'aneks',
      },
      on,
    ),
  /** The v1 shape (PLN in JSON numbers), read through the programme's upcaster. */
  budgetAmendedV1: (on: string, totalPln: number) =>
    at(PROJECT_STREAM_ID, 'programme.BudgetAmended.v1', { totalPln, amendedOn: on, source: 'aneks v1' }, on),
  target: (indicator: string, value: number, on: string, unit: string) =>
    programme('IndicatorTargetSet', { indicator, value, unit, setOn: on, source: 'test' }, on),
  /** Corrects the programme event at `revision` (its stream position). */
  programmeCorrection: (revision: number, correctedType: string, replacement: object | null, on: string) =>
    programme(
      'FactCorrected',
      {
        correctedEventId: uuidOf(`programme-${revision}`),
        correctedRevision: revision,
        correctedType,
        reason: 'test',
        replacement,
        correctedOn: on,
      },
      on,
    ),

  municipalityInvited: (teryt: string, on: string) =>
    at(
      municipalityStreamId(teryt),
      municipalityCatalogue.storedNameOf('MunicipalityInvited'),
      {
        teryt,
        name: `Gmina ${teryt}`,
        type: 'urban-rural',
        powiat: 'kartuski',
        voivodeship: 'pomorskie',
        typeException: null,
        invitedOn: on,
      },
      on,
    ),
  participationDeclared: (teryt: string, on: string) =>
    at(
      municipalityStreamId(teryt),
      municipalityCatalogue.storedNameOf('ParticipationDeclared'),
      { teryt, declaredOn: on, declarationRef: null },
      on,
    ),
  agreementSigned: (teryt: string, on: string) =>
    at(
      municipalityStreamId(teryt),
      municipalityCatalogue.storedNameOf('CooperationAgreementSigned'),
      { teryt, signedOn: on, agreementRef: `POR/${teryt}` },
      on,
    ),
  pilotSiteRecruited: (teryt: string, on: string) =>
    at(
      municipalityStreamId(teryt),
      municipalityCatalogue.storedNameOf('PilotSiteRecruited'),
      { teryt, recruitedOn: on },
      on,
    ),
  municipalityWithdrew: (teryt: string, on: string) =>
    at(
      municipalityStreamId(teryt),
      municipalityCatalogue.storedNameOf('MunicipalityWithdrew'),
      { teryt, withdrawnOn: on, reason: 'rezygnacja' },
      on,
    ),
  powiatInvited: (teryt: string, on: string) =>
    at(
      powiatStreamId(teryt),
      powiatCatalogue.storedNameOf('PowiatInvited'),
      { teryt, name: `powiat ${teryt}`, voivodeship: 'pomorskie', invitedOn: on },
      on,
    ),
  powiatAgreementSigned: (teryt: string, on: string) =>
    at(
      powiatStreamId(teryt),
      powiatCatalogue.storedNameOf('PowiatAgreementSigned'),
      { teryt, signedOn: on, agreementRef: `POR/P/${teryt}` },
      on,
    ),

  groupConvened: (group: string, kind: string, on: string) =>
    at(
      groupStreamId(uuidOf(group)),
      groupEventCatalogue.storedNameOf('GroupConvened'),
      {
        groupId: uuidOf(group),
        kind,
        level: kind === 'RGR' ? 'voivodeship' : 'powiat',
        territory: kind === 'RGR' ? 'pomorskie' : '2205',
        voivodeship: 'pomorskie',
        name: `${kind} ${group}`,
        convenedOn: on,
      },
      on,
    ),
  memberJoined: (
    group: string,
    person: string,
    on: string,
    who: { fullName?: string; institution?: string; sector?: string; client?: boolean } = {},
  ) =>
    at(
      groupStreamId(uuidOf(group)),
      groupEventCatalogue.storedNameOf('MemberJoined'),
      {
        groupId: uuidOf(group),
        personId: uuidOf(person),
        ...(who.client
          ? { role: 'client' }
          : {
              fullName: who.fullName ?? `Osoba ${person}`,
              institution: who.institution ?? `Instytucja ${person}`,
              sector: who.sector ?? 'social-assistance',
              role: 'member',
            }),
        joinedOn: on,
      },
      on,
    ),
  memberLeft: (group: string, person: string, on: string) =>
    at(
      groupStreamId(uuidOf(group)),
      groupEventCatalogue.storedNameOf('MemberLeft'),
      { groupId: uuidOf(group), personId: uuidOf(person), leftOn: on, reason: 'resigned' },
      on,
    ),
  memberCorrected: (group: string, person: string, joinedOn: string, on: string, fix: object) =>
    at(
      groupStreamId(uuidOf(group)),
      groupEventCatalogue.storedNameOf('MemberDetailsCorrected'),
      { groupId: uuidOf(group), personId: uuidOf(person), membershipJoinedOn: joinedOn, ...fix, reason: 'pomyłka' },
      on,
    ),
  meetingHeld: (group: string, meeting: string, on: string, days = 1) =>
    at(
      groupStreamId(uuidOf(group)),
      groupEventCatalogue.storedNameOf('MeetingHeld'),
      {
        groupId: uuidOf(group),
        meetingId: uuidOf(meeting),
        heldOn: on,
        days,
        attendance: { kind: 'headcount', headcount: 5 },
      },
      on,
    ),
  meetingCorrected: (group: string, meeting: string, on: string, fix: { heldOn?: string; days?: number }) =>
    at(
      groupStreamId(uuidOf(group)),
      groupEventCatalogue.storedNameOf('MeetingCorrected'),
      { groupId: uuidOf(group), meetingId: uuidOf(meeting), ...fix, reason: 'pomyłka' },
      on,
    ),
  groupDissolved: (group: string, on: string) =>
    at(
      groupStreamId(uuidOf(group)),
      groupEventCatalogue.storedNameOf('GroupDissolved'),
      { groupId: uuidOf(group), dissolvedOn: on },
      on,
    ),

  decisionProposed: (decision: string, group: string, on: string) =>
    at(
      decisionStreamId(uuidOf(decision)),
      decisionEventCatalogue.storedNameOf('DecisionProposed'),
      { decisionId: uuidOf(decision), groupId: uuidOf(group), subject: 'Plan pracy', text: 'Treść', proposedOn: on },
      on,
    ),
  decisionAdopted: (decision: string, group: string, on: string) =>
    at(
      decisionStreamId(uuidOf(decision)),
      decisionEventCatalogue.storedNameOf('DecisionAdopted'),
      {
        decisionId: uuidOf(decision),
        groupId: uuidOf(group),
        adoptedOn: on,
        effectiveOn: on,
        outcome: { kind: 'consensus' },
      },
      on,
    ),
  decisionRevoked: (decision: string, group: string, on: string) =>
    at(
      decisionStreamId(uuidOf(decision)),
      decisionEventCatalogue.storedNameOf('DecisionRevoked'),
      { decisionId: uuidOf(decision), groupId: uuidOf(group), revokedOn: on, reason: 'nieaktualna' },
      on,
    ),
  decisionDayCorrected: (decision: string, group: string, on: string, decidedOn: string) =>
    at(
      decisionStreamId(uuidOf(decision)),
      decisionEventCatalogue.storedNameOf('DecisionRecordCorrected'),
      { decisionId: uuidOf(decision), groupId: uuidOf(group), decidedOn, reason: 'zła data' },
      on,
    ),

  caseEnrolled: (caseId: string, site: string, on: string, householdSize = 3) =>
    at(
      caseStreamId(caseId),
      caseEventCatalogue.storedNameOf('CaseEnrolled'),
      { caseId, siteTeryt: site, voivodeship: 'pomorskie', householdSize, caseUnit: 'ggk', enrolledOn: on },
      on,
    ),
  planAgreed: (caseId: string, planNo: number, on: string, planType = 'ggk-goals') =>
    at(
      caseStreamId(caseId),
      caseEventCatalogue.storedNameOf('IndividualPlanAgreed'),
      {
        planNo,
        planType,
        agreedOn: on,
        goals: [{ goalId: 'g1', area: 'employment' }],
        goalLabels: { g1: 'Praca dla Jana Kowalskiego' },
        responsibleInstitutions: [{ institutionId: 'pup-kartuzy', sector: 'labour-office' }],
        diagnosisWaiver: 'crisis-intervention',
      },
      on,
    ),
  caseTeamMeeting: (caseId: string, meetingNo: number, planNo: number, on: string) =>
    at(
      caseStreamId(caseId),
      caseEventCatalogue.storedNameOf('CaseTeamMeetingHeld'),
      { meetingNo, planNo, heldOn: on, clientPresent: true, institutionsPresent: 3 },
      on,
    ),
  planCompleted: (caseId: string, planNo: number, on: string, outcome: 'success' | 'partial' | 'failure') =>
    at(
      caseStreamId(caseId),
      caseEventCatalogue.storedNameOf('PlanCompleted'),
      { planNo, completedOn: on, outcome },
      on,
    ),
  caseCorrected: (caseId: string, on: string, correction: object) =>
    at(
      caseStreamId(caseId),
      caseEventCatalogue.storedNameOf('CaseFactCorrected'),
      { correctedOn: on, reason: 'data-entry-error', correction },
      on,
    ),

  siteRegistered: (teryt: string, on: string) =>
    at(siteStreamId(teryt), siteEventCatalogue.storedNameOf('SiteRegistered'), { teryt, voivodeship: 'pomorskie' }, on),
  coaching: (teryt: string, on: string, kind: 'individual' | 'group', hours: number, socialWorkers: number) =>
    at(
      siteStreamId(teryt),
      siteEventCatalogue.storedNameOf('CoachingSessionHeld'),
      { heldOn: on, kind, hours, socialWorkers },
      on,
    ),
  training: (teryt: string, on: string, topic: string, hours: number, participants: number) =>
    at(
      siteStreamId(teryt),
      siteEventCatalogue.storedNameOf('TrainingHeld'),
      { heldOn: on, topic, hours, participants },
      on,
    ),
  outcomeReported: (
    teryt: string,
    on: string,
    period: [string, string],
    figures: { families: number; plans: number; successes: number },
  ) =>
    at(
      siteStreamId(teryt),
      siteEventCatalogue.storedNameOf('PilotOutcomeReported'),
      {
        reportedOn: on,
        periodStart: period[0],
        periodEnd: period[1],
        familiesEnrolled: figures.families,
        plansCompleted: figures.plans,
        successes: figures.successes,
        source: 'Sprawozdanie',
      },
      on,
    ),
};

function toAppend(tenantId: string, e: HistoryEvent, id: string): EventToAppend {
  return {
    id,
    type: e.type,
    data: e.data,
    metadata: {
      tenantId,
      commandId: id,
      correlationId: id,
      causationId: id,
      actor: { sub: 'history-test', role: 'tenant-admin', tenantId },
      occurredAt: e.occurredAt,
      schemaVersion: Number(/\.v(\d+)$/.exec(e.type)![1]),
    },
  };
}

/** The events as the store would hand them to a projection: revisions per stream, positions in order. */
export function recorded(
  tenantId: string,
  events: readonly HistoryEvent[],
  recordedAt: Date | ((e: HistoryEvent, i: number) => Date) = new Date('2024-01-10T10:00:00Z'),
  firstCommit = 1n,
): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return events.map((e, i) => {
    const revision = (revisions.get(e.streamId) ?? -1) + 1;
    revisions.set(e.streamId, revision);
    return {
      ...toAppend(tenantId, e, uuidOf(`${tenantId}/${e.streamId}/${revision}`)),
      tenantId,
      streamId: e.streamId,
      revision,
      position: { commit: firstCommit + BigInt(i), prepare: BigInt(i + 1) },
      recordedAt: typeof recordedAt === 'function' ? recordedAt(e, i) : recordedAt,
    };
  });
}

/** Appends the events in order (consecutive events of one stream in one append). Returns their ids. */
export async function appendHistory(store: EventStore, tenantId: string, events: readonly HistoryEvent[]) {
  const ids: string[] = [];
  let i = 0;
  while (i < events.length) {
    const streamId = events[i].streamId;
    const run: EventToAppend[] = [];
    while (i < events.length && events[i].streamId === streamId) {
      const id = randomUUID();
      run.push(toAppend(tenantId, events[i], id));
      ids.push(id);
      i++;
    }
    await store.append(tenantId, streamId, run, 'any');
  }
  return ids;
}
