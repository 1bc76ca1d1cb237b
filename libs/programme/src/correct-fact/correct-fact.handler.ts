import { notFound, type CommandContext, type CommandRunner } from '@kooperacja/platform';
import { PROJECT_STREAM_ID } from '../contracts/project.view';
import { runProjectCommand, type ProgrammeCommandOptions, type ProgrammeOutcome } from '../programme.handler-support';
import { programmeCatalogue } from '../project/project.catalogue';
import { projectDecider, type CorrectFactInput } from '../project/project.decider';

export class CorrectFactHandler {
  constructor(private readonly runner: CommandRunner) {}

  /** Finds the corrected event in the stream by its id, so the decider can point at its revision. */
  async execute(
    input: CorrectFactInput,
    context: CommandContext,
    occurredAt: string,
    options: ProgrammeCommandOptions = {},
  ): Promise<ProgrammeOutcome> {
    const { history } = await this.runner.load(context.tenantId, PROJECT_STREAM_ID, projectDecider, programmeCatalogue);
    const target = history.find((e) => e.id === input.correctedEventId);
    if (!target) {
      throw notFound('correction.event-not-found', `event ${input.correctedEventId} is not in this project's stream`);
    }
    const { type } = programmeCatalogue.toDomain(target.type, target.data);
    return runProjectCommand(
      this.runner,
      { type: 'CorrectFact', data: { ...input, occurredAt, target: { revision: target.revision, type } } },
      context,
      occurredAt,
      options,
    );
  }
}
