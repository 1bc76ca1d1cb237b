import type { EventStore } from '@kooperacja/platform';
import { fold } from '@kooperacja/platform';
import { bodyFactsAt } from '../group/body-facts';
import { compositionAt } from '../group/composition';
import { groupEventCatalogue } from '../group/group.catalogue';
import { groupDecider } from '../group/group.decider';
import { isUuid } from '../group/input';
import type { GroupState } from '../group/group.state';
import { groupStreamId } from '../group/stream';
import type { BodyFacts, MemberAtDate } from './read-model';

/**
 * What other contexts may ask of groups, answered from the group's own stream (read your
 * writes: no projection lag). Decisions use it to check the body before deciding.
 */
export class GroupsFacade {
  constructor(private readonly store: EventStore) {}

  /** The body's facts on `date` (ISO date or date-time); null when the group was never convened. */
  async bodyAt(tenantId: string, groupId: string, date: string): Promise<BodyFacts | null> {
    if (!isUuid(groupId)) return null;
    return bodyFactsAt(await this.load(tenantId, groupId), date);
  }

  /** Members on `date`, with their role that day; empty when the group does not exist. */
  async compositionAt(tenantId: string, groupId: string, date: string): Promise<MemberAtDate[]> {
    if (!isUuid(groupId)) return [];
    return compositionAt(await this.load(tenantId, groupId), date);
  }

  private async load(tenantId: string, groupId: string): Promise<GroupState> {
    const history = await this.store.readStream(tenantId, groupStreamId(groupId));
    return fold(
      groupDecider,
      history.map((e) => groupEventCatalogue.toDomain(e.type, e.data)),
    );
  }
}
