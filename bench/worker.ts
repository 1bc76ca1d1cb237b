// One timed run of one scenario for one contender, in its own process: Emmett's driver sets
// process-wide pg type parsers (bigint, jsonb), and each contender should start with a cold heap.
// The runner also builds the fixtures (template databases) here, so that it never loads the platform.
import { buildFixture, type FixtureName } from './fixtures';
import type { Job, Measurement } from './scenarios';
import { scenarios } from './scenarios';

export type WorkerJob =
  | { readonly kind: 'scenario'; readonly job: Job }
  | { readonly kind: 'fixture'; readonly name: FixtureName; readonly url: string; readonly quick: boolean };

export type WorkerReply = Measurement | { readonly error: string };

async function main(work: WorkerJob): Promise<Measurement> {
  if (work.kind === 'fixture') {
    const { events, seconds } = await buildFixture(work.name, work.url, work.quick);
    return { value: events, details: { seconds } };
  }
  const scenario = scenarios.find((s) => s.id === work.job.scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${work.job.scenarioId}`);
  const measured = await scenario.measure(work.job);
  return typeof measured === 'number' ? { value: measured } : measured;
}

main(JSON.parse(process.argv[2]) as WorkerJob)
  .catch((error: unknown): WorkerReply => ({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }))
  .then((reply) => process.send!(reply, () => process.exit(0)));
