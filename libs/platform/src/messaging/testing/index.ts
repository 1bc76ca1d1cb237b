export * from './schema-check';
export * from './personal-data';
export * from './relay-test-context';
export * from './kafka-test';
export * from './asyncapi-check';
