import { expectedRevisionOf, type CommandContext, type FactDto } from '@kooperacja/platform';
import type { ProgrammeCommandContext, ProgrammeCommandOptions } from './programme.handler-support';

export {
  FactDto,
  IsBusinessDay,
  READERS,
  respond,
  WriteEndpoint,
  WRITERS,
  historyEntry,
  StreamHistoryDto,
  StreamHistoryEntryDto,
} from '@kooperacja/platform';

/** Every programme route lives under the caller's own tenant (the platform answers 404 for another). */
export const PROGRAMME_ROUTE = 'api/v1/tenants/:tenantId/programme';

export function commandOptions(
  dto: Pick<FactDto, 'expectedRevision'>,
  ifMatch: string | undefined,
): ProgrammeCommandOptions {
  return { expectedRevision: expectedRevisionOf(dto, ifMatch) };
}

/** A tenant-editor is limited to the voivodeships of its token; other roles are not. */
export function scoped(ctx: CommandContext): ProgrammeCommandContext {
  return ctx.actor.role === 'tenant-editor' ? { ...ctx, allowedVoivodeships: ctx.voivodeships ?? [] } : ctx;
}
