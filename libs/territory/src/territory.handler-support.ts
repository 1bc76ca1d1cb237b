import {
  invalid,
  notFound,
  type CommandContext,
  type CommandResult,
  type DomainEvent,
  type TenantDirectory,
  type TenantInfo,
} from '@kooperacja/platform';
import { isGminaTeryt, isPowiatTeryt, municipalityStreamId, powiatStreamId } from './contracts/teryt';

/** A command context whose actor may be limited to some voivodeships (a tenant-editor's token). */
export type TerritoryCommandContext = CommandContext & {
  /** From the token; omit when the actor may edit every voivodeship of the tenant. */
  readonly allowedVoivodeships?: readonly string[];
};

export interface TerritoryCommandOptions {
  /** The revision of the stream the caller last read (optimistic concurrency); -1 for a stream not yet started. */
  readonly expectedRevision?: number;
}

/** What a handler returns; a controller can send it as JSON. */
export interface TerritoryOutcome {
  readonly streamId: string;
  readonly revision: number;
  readonly eventIds: readonly string[];
  /** True when this command id had already been applied: nothing new was written. */
  readonly alreadyApplied: boolean;
}

export function outcomeOf(result: CommandResult<unknown, DomainEvent>): TerritoryOutcome {
  const { streamId, revision, eventIds, alreadyApplied } = result;
  return { streamId, revision, eventIds, alreadyApplied };
}

// Checked before the stream is read, so a malformed code never names a stream.
export function gminaStream(teryt: unknown): string {
  if (!isGminaTeryt(teryt)) {
    throw invalid(
      'municipality.teryt-invalid',
      'teryt must be a gmina TERYT code: 7 digits ending in 1 (urban), 2 (rural) or 3 (urban-rural)',
      'teryt',
    );
  }
  return municipalityStreamId(teryt);
}

export function powiatStream(teryt: unknown): string {
  if (!isPowiatTeryt(teryt))
    throw invalid('powiat.teryt-invalid', 'teryt must be a powiat TERYT code: 4 digits', 'teryt');
  return powiatStreamId(teryt);
}

export async function tenantOf(directory: TenantDirectory, tenantId: string): Promise<TenantInfo> {
  const tenant = await directory.get(tenantId);
  if (!tenant) throw notFound('tenant.unknown', `tenant ${tenantId} is not in the tenant directory`);
  return tenant;
}
