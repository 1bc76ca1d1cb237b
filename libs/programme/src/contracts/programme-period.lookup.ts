import { fold, type EventStore, type ProjectPeriod, type ProjectPeriodLookup } from '@kooperacja/platform';
import { programmeCatalogue } from '../project/project.catalogue';
import { projectDecider } from '../project/project.decider';
import { PROJECT_STREAM_ID, type ProjectView } from './project.view';

/**
 * The project period other contexts check their facts against: the tenant's programme stream
 * folded to its current (amended, corrected) schedule. Reads the stream on every call.
 */
export class ProgrammePeriodLookup implements ProjectPeriodLookup {
  constructor(
    private readonly store: EventStore,
    private readonly catalogue = programmeCatalogue,
  ) {}

  async periodOf(tenantId: string): Promise<ProjectPeriod | null> {
    return (await this.projectOf(tenantId))?.schedule.current ?? null;
  }

  /** The whole project as its stream tells it; null before the partnership is established. */
  async projectOf(tenantId: string): Promise<ProjectView | null> {
    const events = await this.store.readStream(tenantId, PROJECT_STREAM_ID);
    return fold(
      projectDecider,
      events.map((e) => this.catalogue.toDomain(e.type, e.data)),
    ).project;
  }
}
