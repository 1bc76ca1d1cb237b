import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { siteStreamId } from '../contracts/streams';
import { pilotSiteCode } from '../shared/teryt';
import { siteEventCatalogue } from './site.catalogue';
import { siteDecider, type SiteCommand, type SiteCommandBase } from './site.decider';
import type { SiteEvent } from './site.events';

/** What every site handler's input has. */
export interface SiteInput {
  /** TERYT code of the pilot site: a gmina (7 digits) or a powiat (4 digits). */
  readonly teryt: string;
  /**
   * The voivodeships a tenant editor may act in, from the verified token (never from a request
   * body). Absent for tenant-wide roles. Refusal: conflict 'voivodeship.forbidden' (HTTP 403).
   */
  readonly allowedVoivodeships?: readonly string[];
  /** The site stream's revision the caller last read (HTTP `If-Match`); absent: no check. */
  readonly expectedRevision?: number;
}

export interface SiteCommandResult {
  readonly streamId: string;
  readonly teryt: string;
  readonly revision: number;
  readonly alreadyApplied: boolean;
  readonly eventIds: readonly string[];
  /** The site's first fact comes with its registration: two events. */
  readonly events: readonly SiteEvent[];
}

export interface SitePorts {
  readonly runner: CommandRunner;
  readonly periods: ProjectPeriodLookup;
  readonly tenants: TenantDirectory;
}

export async function runSiteCommand(
  ports: SitePorts,
  input: SiteInput,
  context: CommandContext,
  occurredAt: string,
  command: (base: SiteCommandBase) => SiteCommand,
): Promise<SiteCommandResult> {
  const { teryt } = pilotSiteCode(input.teryt, 'teryt');
  const [period, tenant] = await Promise.all([
    ports.periods.periodOf(context.tenantId),
    ports.tenants.get(context.tenantId),
  ]);
  const result = await ports.runner.run({
    decider: siteDecider,
    catalogue: siteEventCatalogue,
    streamId: siteStreamId(teryt),
    command: command({
      teryt,
      occurredAt,
      period,
      allowedVoivodeships: input.allowedVoivodeships,
      tenantVoivodeships: tenant?.voivodeships,
    }),
    occurredAt,
    context,
    expectedRevision: input.expectedRevision,
  });
  return {
    streamId: result.streamId,
    teryt,
    revision: result.revision,
    alreadyApplied: result.alreadyApplied,
    eventIds: result.eventIds,
    events: result.events,
  };
}
