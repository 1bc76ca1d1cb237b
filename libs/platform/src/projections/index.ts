export * from './projection';
export * from './projection-schema';
export * from './partition-worker';
export * from './projection-runner';
export * from './projection-rebuilder';
export * from './projection-status';
export * from './tenant-partitions';
