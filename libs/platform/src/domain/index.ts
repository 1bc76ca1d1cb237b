export * from './decider';
export * from './event-catalogue';
export * from './command-runner';
