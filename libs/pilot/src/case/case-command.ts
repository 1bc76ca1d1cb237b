import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { caseStreamId } from '../contracts/streams';
import { pseudonymousId } from '../shared/pseudonymous-id';
import { caseEventCatalogue } from './case.catalogue';
import { caseDecider, type CaseCommand, type CaseCommandBase } from './case.decider';
import type { CaseEvent } from './case.events';

/** What every case handler's input has. */
export interface CaseInput {
  /** Pseudonymous: a uuid or a code like mr1-KAR-0042. Names and PESELs are refused. */
  readonly caseId: string;
  /**
   * The voivodeships a tenant editor may act in, from the verified token (never from a request
   * body). Absent for tenant-wide roles. Refusal: conflict 'voivodeship.forbidden' (HTTP 403).
   */
  readonly allowedVoivodeships?: readonly string[];
  /**
   * The case stream's revision the caller last read (an HTTP `If-Match`); a write on a newer
   * revision is refused with WrongExpectedRevisionError (409). Absent: no check, retried on races.
   */
  readonly expectedRevision?: number;
}

/** What a case handler returns; a controller can send it as JSON. */
export interface CaseCommandResult {
  readonly streamId: string;
  readonly caseId: string;
  /** Revision of the case stream after the command. */
  readonly revision: number;
  /** True when this command id had been applied before: nothing new was written. */
  readonly alreadyApplied: boolean;
  readonly eventIds: readonly string[];
  readonly events: readonly CaseEvent[];
}

export interface CasePorts {
  readonly runner: CommandRunner;
  readonly periods: ProjectPeriodLookup;
}

/**
 * The shell shared by the case handlers: check the case id before it becomes a stream id, look
 * up the project period, and let the runner load, decide and append.
 */
export async function runCaseCommand(
  ports: CasePorts,
  input: CaseInput,
  context: CommandContext,
  occurredAt: string,
  command: (base: CaseCommandBase) => CaseCommand,
): Promise<CaseCommandResult> {
  const caseId = pseudonymousId(input.caseId, 'caseId', 'case');
  const period = await ports.periods.periodOf(context.tenantId);
  const result = await ports.runner.run({
    decider: caseDecider,
    catalogue: caseEventCatalogue,
    streamId: caseStreamId(caseId),
    command: command({ occurredAt, period, allowedVoivodeships: input.allowedVoivodeships }),
    occurredAt,
    context,
    expectedRevision: input.expectedRevision,
  });
  return {
    streamId: result.streamId,
    caseId,
    revision: result.revision,
    alreadyApplied: result.alreadyApplied,
    eventIds: result.eventIds,
    events: result.events,
  };
}
