import type { DomainEvent, EventCatalogue, RecordedEvent } from '@kooperacja/platform';
import { decisionEventCatalogue, type DecisionEvent } from '@kooperacja/decisions';
import { groupEventCatalogue, type GroupEvent } from '@kooperacja/groups';
import { caseEventCatalogue, siteEventCatalogue, type CaseEvent, type SiteEvent } from '@kooperacja/pilot';
import { programmeCatalogue, type ProjectEvent } from '@kooperacja/programme';
import {
  municipalityCatalogue,
  powiatCatalogue,
  type MunicipalityEvent,
  type PowiatEvent,
} from '@kooperacja/territory';

/** An event read as its context's domain event, with the entity of this projection it belongs to. */
export type Routed =
  | { readonly source: 'programme'; readonly key: string; readonly event: ProjectEvent }
  | {
      readonly source: 'territory';
      readonly key: string;
      readonly teryt: string;
      readonly event: MunicipalityEvent | PowiatEvent;
    }
  | { readonly source: 'site'; readonly key: string; readonly teryt: string; readonly event: SiteEvent }
  | { readonly source: 'group'; readonly key: string; readonly event: GroupEvent }
  | { readonly source: 'decision'; readonly key: string; readonly event: DecisionEvent }
  | { readonly source: 'case'; readonly key: string; readonly event: CaseEvent };

type Source = Routed['source'];

/**
 * What the comparison reads of each catalogue. Every programme event (a correction points at a
 * fact by its position in the stream); of the others, only the events that change a metric: the
 * projection then never reads the rest of the log (support deliveries, reviews, role changes…).
 */
const catalogues: readonly (readonly [Source, EventCatalogue<DomainEvent>, readonly string[] | 'all'])[] = [
  ['programme', programmeCatalogue, 'all'],
  ['territory', municipalityCatalogue, ['CooperationAgreementSigned', 'PilotSiteRecruited', 'MunicipalityWithdrew']],
  ['territory', powiatCatalogue, ['PowiatAgreementSigned']],
  [
    'group',
    groupEventCatalogue,
    [
      'GroupConvened',
      'MemberJoined',
      'MemberLeft',
      'MeetingHeld',
      'GroupDissolved',
      'GroupDetailsCorrected',
      'MemberDetailsCorrected',
      'MeetingCorrected',
    ],
  ],
  [
    'decision',
    decisionEventCatalogue,
    ['DecisionProposed', 'DecisionAdopted', 'DecisionRejected', 'DecisionRevoked', 'DecisionRecordCorrected'],
  ],
  [
    'case',
    caseEventCatalogue,
    ['CaseEnrolled', 'IndividualPlanAgreed', 'CaseTeamMeetingHeld', 'PlanCompleted', 'CaseFactCorrected'],
  ],
  ['site', siteEventCatalogue, ['SiteRegistered', 'CoachingSessionHeld', 'TrainingHeld', 'PilotOutcomeReported']],
];

const byStoredName = new Map<string, readonly [Source, EventCatalogue<DomainEvent>]>();
for (const [source, catalogue, types] of catalogues) {
  for (const def of catalogue.definitions()) {
    if (types !== 'all' && !types.includes(def.type)) continue;
    for (const name of [def.storedName, ...Object.keys(def.upcasters ?? {})])
      byStoredName.set(name, [source, catalogue]);
  }
}

/** Every stored event name the comparison reads, older versions included (they are upcast). */
export const HANDLED_EVENT_TYPES: readonly string[] = [...byStoredName.keys()].sort();

export const jstKey = (teryt: string) => `jst:${teryt}`;
export const institutionEntityKey = (institution: string) => `inst:${institution}`;
const SITE_STREAM = 'pilot.site-';

/** Entities are keyed by their stream id, except JST (territory and pilot site logs share one) and institutions. */
export function route(e: RecordedEvent): Routed {
  const entry = byStoredName.get(e.type);
  if (!entry) throw new Error(`the comparison does not read ${e.type}`);
  const [source, catalogue] = entry;
  const event = catalogue.toDomain(e.type, e.data);
  switch (source) {
    case 'territory': {
      const teryt = (event as MunicipalityEvent | PowiatEvent).data.teryt;
      return { source, key: jstKey(teryt), teryt, event: event as MunicipalityEvent | PowiatEvent };
    }
    case 'site': {
      const teryt = e.streamId.startsWith(SITE_STREAM) ? e.streamId.slice(SITE_STREAM.length) : '';
      if (!teryt) throw new Error(`a site event outside a site stream: ${e.streamId}`);
      return { source, key: jstKey(teryt), teryt, event: event as SiteEvent };
    }
    case 'programme':
      return { source, key: e.streamId, event: event as ProjectEvent };
    case 'group':
      return { source, key: e.streamId, event: event as GroupEvent };
    case 'decision':
      return { source, key: e.streamId, event: event as DecisionEvent };
    case 'case':
      return { source, key: e.streamId, event: event as CaseEvent };
  }
}
