import { fold, type EventStore, type ProjectPeriod, type ProjectPeriodLookup } from '@kooperacja/platform';
import { programmeCatalogue } from '../project/project.catalogue';
import { projectDecider } from '../project/project.decider';
import { PROJECT_STREAM_ID, type ProjectView } from './project.view';

type ProjectState = ReturnType<typeof projectDecider.initialState>;

/** A tenant's programme stream folded up to its head event. */
interface Folded {
  readonly headId: string;
  readonly headRevision: number;
  readonly state: ProjectState;
}

/**
 * The project period other contexts check their facts against: the tenant's programme stream
 * folded to its current (amended, corrected) schedule. Every call asks the store for the
 * stream's head (one indexed row) and folds only events it has not folded yet, so a schedule
 * amendment counts from the next command on, and a stream erased and written anew (a tenant
 * offboarded and onboarded again) is folded again from the start.
 */
export class ProgrammePeriodLookup implements ProjectPeriodLookup {
  private readonly folded = new Map<string, Folded>();

  constructor(
    private readonly store: EventStore,
    private readonly catalogue = programmeCatalogue,
  ) {}

  async periodOf(tenantId: string): Promise<ProjectPeriod | null> {
    return (await this.projectOf(tenantId))?.schedule.current ?? null;
  }

  /** The whole project as its stream tells it; null before the partnership is established. */
  async projectOf(tenantId: string): Promise<ProjectView | null> {
    return (await this.fold(tenantId)).project;
  }

  private async fold(tenantId: string): Promise<ProjectState> {
    const [head] = await this.store.readStream(tenantId, PROJECT_STREAM_ID, { direction: 'backwards', limit: 1 });
    const cached = this.folded.get(tenantId);
    if (!head) {
      this.folded.delete(tenantId);
      return projectDecider.initialState();
    }
    if (cached && cached.headRevision === head.revision && cached.headId === head.id) return cached.state;
    let next: Folded | undefined;
    if (cached && cached.headRevision < head.revision) {
      // Only the events after the cached head, if that head is still where it was.
      const events = await this.store.readStream(tenantId, PROJECT_STREAM_ID, { fromRevision: cached.headRevision });
      const last = events[events.length - 1];
      if (events[0]?.id === cached.headId && last) {
        const state = events.slice(1).reduce((s, e) => projectDecider.evolve(s, this.toDomain(e)), cached.state);
        next = { headId: last.id, headRevision: last.revision, state };
      }
    }
    if (!next) {
      const events = await this.store.readStream(tenantId, PROJECT_STREAM_ID);
      const last = events[events.length - 1] ?? head;
      const state = fold(
        projectDecider,
        events.map((e) => this.toDomain(e)),
      );
      next = { headId: last.id, headRevision: last.revision, state };
    }
    this.folded.set(tenantId, next);
    return next.state;
  }

  private toDomain(e: { type: string; data: unknown }) {
    return this.catalogue.toDomain(e.type, e.data);
  }
}
