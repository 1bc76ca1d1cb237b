import type { DomainEvent } from '@kooperacja/platform';
import type { CoachingKind, TrainingTopic } from '../contracts/vocabulary';

/**
 * Opens a pilot site's log of staff support; recorded together with the site's first fact so
 * the site's voivodeship is known to every later command. (Recruiting the site is territory's.)
 */
export type SiteRegistered = DomainEvent<'SiteRegistered', { teryt: string; voivodeship: string }>;

/** Coaching of social workers; `socialWorkers` is how many took part (1 for individual coaching). */
export type CoachingSessionHeld = DomainEvent<
  'CoachingSessionHeld',
  { heldOn: string; kind: CoachingKind; hours: number; socialWorkers: number }
>;

/** Supervision of a case team (the GGK/ZZK body's id in the groups context, or a site code). */
export type SupervisionSessionHeld = DomainEvent<
  'SupervisionSessionHeld',
  { heldOn: string; caseTeamId: string; hours: number; participants: number }
>;

export type TrainingHeld = DomainEvent<
  'TrainingHeld',
  { heldOn: string; topic: TrainingTopic; hours: number; participants: number }
>;

/**
 * The site's own count of pilot outcomes for a period, as a report states it. A later report for
 * the same period restates it: both stay in history, the read side takes the latest.
 */
export type PilotOutcomeReported = DomainEvent<
  'PilotOutcomeReported',
  {
    reportedOn: string;
    periodStart: string;
    periodEnd: string;
    familiesEnrolled: number;
    plansCompleted: number;
    successes: number;
    /** Which document the figures come from. Free text, so treated as personal data. */
    source: string;
  }
>;

export type SiteEvent =
  SiteRegistered | CoachingSessionHeld | SupervisionSessionHeld | TrainingHeld | PilotOutcomeReported;
