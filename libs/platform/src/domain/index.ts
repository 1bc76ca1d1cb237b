export * from './decider';
export * from './event-catalogue';
export * from './command-runner';
export * from './project-period';
export * from './tenant-directory';
