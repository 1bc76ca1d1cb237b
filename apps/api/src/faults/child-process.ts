import { spawn, type ChildProcess } from 'node:child_process';

/** A built app run as a child process, its stdout and stderr collected. */
export interface Child {
  readonly process: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited(): Promise<number | null>;
}

export function startChild(script: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return {
    process: child,
    output: () => output,
    exited: () =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve(child.exitCode)
        : new Promise((r) => child.once('exit', (code) => r(code))),
  };
}

/** Ends a child still running at the end of a test. */
export function killIfRunning(child: Child | undefined): void {
  if (child && child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
}
