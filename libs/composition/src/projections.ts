import type { Projection } from '@kooperacja/platform';

/** Every read-model projection of every bounded context, as the projector and the CLI run them. */
export function allProjections(): Projection[] {
  return [];
}
