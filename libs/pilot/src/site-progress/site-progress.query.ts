import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { READ_MODELS, inTenant } from '@kooperacja/platform';
import { PilotSiteProgressRow } from './site-progress.entity';

export interface SiteProgress {
  readonly teryt: string;
  readonly voivodeship: string;
  readonly cases: { readonly enrolled: number; readonly active: number; readonly closed: number };
  readonly plans: {
    readonly agreed: number;
    readonly completed: number;
    readonly success: number;
    readonly partial: number;
    readonly failure: number;
    /** success / completed, to three decimals; null before any plan is completed. */
    readonly successRate: number | null;
  };
  readonly caseTeamMeetings: number;
  readonly supportHours: number;
  readonly coaching: SessionTotals;
  readonly supervision: SessionTotals;
  readonly training: SessionTotals;
  readonly lastOutcomeReport: {
    readonly reportedOn: string;
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly familiesEnrolled: number;
    readonly plansCompleted: number;
    readonly successes: number;
  } | null;
  /** When the newest event counted in this row was recorded. */
  readonly lastRecordedAt: string;
}

export interface SessionTotals {
  readonly sessions: number;
  readonly hours: number;
  /** Attendance summed over sessions: a worker at two sessions counts twice. */
  readonly participants: number;
}

/** The tenant's pilot progress per site. */
@Injectable()
export class SiteProgressQuery {
  constructor(@Inject(READ_MODELS) private readonly dataSource: DataSource) {}

  list(tenantId: string): Promise<SiteProgress[]> {
    return inTenant(this.dataSource, tenantId, async (em) =>
      (await em.getRepository(PilotSiteProgressRow).find({ order: { teryt: 'ASC' } })).map(toProgress),
    );
  }

  /** One site; null when nothing is recorded for it. */
  get(tenantId: string, teryt: string): Promise<SiteProgress | null> {
    return inTenant(this.dataSource, tenantId, async (em) => {
      const row = await em.getRepository(PilotSiteProgressRow).findOneBy({ teryt });
      return row ? toProgress(row) : null;
    });
  }
}

function toProgress(r: PilotSiteProgressRow): SiteProgress {
  return {
    teryt: r.teryt,
    voivodeship: r.voivodeship,
    cases: { enrolled: r.casesEnrolled, active: r.casesActive, closed: r.casesClosed },
    plans: {
      agreed: r.plansAgreed,
      completed: r.plansCompleted,
      success: r.plansSuccess,
      partial: r.plansPartial,
      failure: r.plansFailure,
      successRate: r.plansCompleted ? Math.round((r.plansSuccess / r.plansCompleted) * 1000) / 1000 : null,
    },
    caseTeamMeetings: r.caseTeamMeetings,
    supportHours: r.supportHours,
    coaching: { sessions: r.coachingSessions, hours: r.coachingHours, participants: r.coachingParticipants },
    supervision: {
      sessions: r.supervisionSessions,
      hours: r.supervisionHours,
      participants: r.supervisionParticipants,
    },
    training: { sessions: r.trainingSessions, hours: r.trainingHours, participants: r.trainingParticipants },
    lastOutcomeReport:
      r.lastReportOn === null
        ? null
        : {
            reportedOn: r.lastReportOn,
            periodStart: r.lastReportPeriodStart!,
            periodEnd: r.lastReportPeriodEnd!,
            familiesEnrolled: r.lastReportFamiliesEnrolled!,
            plansCompleted: r.lastReportPlansCompleted!,
            successes: r.lastReportSuccesses!,
          },
    lastRecordedAt: new Date(r.lastRecordedAt).toISOString(),
  };
}
