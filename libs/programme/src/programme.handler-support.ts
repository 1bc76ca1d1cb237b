import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import { PROJECT_STREAM_ID } from './contracts/project.view';
import { programmeCatalogue } from './project/project.catalogue';
import { projectDecider, type ProjectCommand } from './project/project.decider';

/** A command context whose actor may be limited to some voivodeships (a tenant-editor's token). */
export type ProgrammeCommandContext = CommandContext & {
  /** From the token; omit when the actor may record facts for every voivodeship of the tenant. */
  readonly allowedVoivodeships?: readonly string[];
};

export interface ProgrammeCommandOptions {
  /** The revision the caller last read (optimistic concurrency): refused with a conflict when the stream moved on. */
  readonly expectedRevision?: number;
}

/** What a handler returns; a controller can send it as JSON. */
export interface ProgrammeOutcome {
  readonly streamId: string;
  readonly revision: number;
  readonly eventIds: readonly string[];
  /** True when this command id had already been applied: nothing new was written. */
  readonly alreadyApplied: boolean;
}

export async function runProjectCommand(
  runner: CommandRunner,
  command: ProjectCommand,
  context: CommandContext,
  occurredAt: string,
  options: ProgrammeCommandOptions = {},
): Promise<ProgrammeOutcome> {
  const result = await runner.run({
    decider: projectDecider,
    catalogue: programmeCatalogue,
    streamId: PROJECT_STREAM_ID,
    command,
    occurredAt,
    context,
    expectedRevision: options.expectedRevision,
  });
  const { streamId, revision, eventIds, alreadyApplied } = result;
  return { streamId, revision, eventIds, alreadyApplied };
}
