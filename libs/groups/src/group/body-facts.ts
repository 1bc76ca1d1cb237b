import type { BodyFacts } from '../contracts/read-model';
import { compositionAt } from './composition';
import type { GroupState } from './group.state';

/** What another context may know of the body on `date`; null when it was never convened. */
export function bodyFactsAt(state: GroupState, date: string): BodyFacts | null {
  if (state.status === 'none') return null;
  const { groupId, kind, level, voivodeship, convenedOn } = state.details;
  return {
    exists: true,
    groupId,
    kind,
    level,
    voivodeship,
    convenedOn,
    convened: convenedOn <= date.slice(0, 10),
    ...(state.dissolvedOn !== undefined ? { dissolvedOn: state.dissolvedOn } : {}),
    memberCount: compositionAt(state, date).length,
  };
}
