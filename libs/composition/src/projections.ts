import type { Projection } from '@kooperacja/platform';
import { contexts } from './contexts';

/** Every read-model projection of every bounded context, as the projector and the CLI run them. */
export function allProjections(): Projection[] {
  return contexts.flatMap((c) => c.projections);
}
