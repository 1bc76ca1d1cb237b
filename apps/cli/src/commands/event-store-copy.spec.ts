import type { RecordedEvent } from '@kooperacja/platform';
import { appendGroups } from './event-store-copy';

const at = (streamId: string, revision: number, commit: bigint, prepare: bigint): RecordedEvent => ({
  id: `${streamId}-${revision}`,
  type: 't.E.v1',
  data: {},
  metadata: {
    tenantId: 'mr1',
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actor: { sub: 's', role: 'tenant-admin', tenantId: 'mr1' },
    occurredAt: '2019-03-14',
    schemaVersion: 1,
  },
  tenantId: 'mr1',
  streamId,
  revision,
  position: { commit, prepare },
  recordedAt: new Date('2026-11-23T10:00:00Z'),
});

describe('grouping copied events into appends', () => {
  it('keeps one append per source append: same stream, same commit, consecutive revisions', () => {
    const log = [
      at('group-1', 0, 10n, 1n),
      at('group-1', 1, 10n, 2n),
      at('case-7', 0, 11n, 3n),
      at('group-1', 2, 12n, 4n),
      at('group-1', 3, 13n, 5n),
    ];
    expect(appendGroups(log).map((g) => g.map((e) => e.id))).toEqual([
      ['group-1-0', 'group-1-1'],
      ['case-7-0'],
      ['group-1-2'],
      ['group-1-3'],
    ]);
  });

  it('has nothing to append for an empty page', () => {
    expect(appendGroups([])).toEqual([]);
  });
});
