// One timed run of one scenario for one contender, in its own process: Emmett's driver sets
// process-wide pg type parsers (bigint, jsonb), and each contender should start with a cold heap.
import type { Job } from './scenarios';
import { scenarios } from './scenarios';

export type WorkerReply = { readonly value: number } | { readonly error: string };

async function main(job: Job): Promise<WorkerReply> {
  const scenario = scenarios.find((s) => s.id === job.scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${job.scenarioId}`);
  return { value: await scenario.measure(job) };
}

main(JSON.parse(process.argv[2]) as Job)
  .catch((error: unknown): WorkerReply => ({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }))
  .then((reply) => process.send!(reply, () => process.exit(0)));
