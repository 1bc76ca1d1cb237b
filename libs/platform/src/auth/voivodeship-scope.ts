import { DomainError } from '../domain/decider';
import type { CommandContext } from '../domain/command-runner';
import { normaliseVoivodeship } from '../tenancy/voivodeships';

/** DomainError code the API answers with 403. */
export const VOIVODESHIP_FORBIDDEN = 'voivodeship.forbidden';

/**
 * A tenant-editor records facts only in the voivodeships of its token; call this in a handler
 * with the fact's voivodeship (facts without one pass). Other roles are not limited.
 */
export function assertVoivodeshipAllowed(
  context: Pick<CommandContext, 'actor' | 'voivodeships'>,
  voivodeship: string | null | undefined,
  field = 'voivodeship',
): void {
  if (voivodeship === null || voivodeship === undefined || context.actor.role !== 'tenant-editor') return;
  const wanted = normaliseVoivodeship(voivodeship);
  if (!(context.voivodeships ?? []).some((v) => normaliseVoivodeship(v) === wanted)) {
    throw new DomainError(
      'invalid',
      VOIVODESHIP_FORBIDDEN,
      `your token does not cover voivodeship ${voivodeship}`,
      field,
    );
  }
}
