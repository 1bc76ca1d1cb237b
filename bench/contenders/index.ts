import type { Contender, ContenderName } from './contender';

export type { Contender, ContenderName, Expected } from './contender';

/** Loads only the contender asked for: a worker should not pay for (or be touched by) the others. */
export async function openContender(name: ContenderName, url: string): Promise<Contender> {
  switch (name) {
    case 'ours':
      return (await import('./kooperacja')).kooperacja(url);
    case 'peer':
      return (await import('./emmett')).emmett(url);
    case 'limit':
      return (await import('./plain-pg')).plainPg(url);
  }
}
