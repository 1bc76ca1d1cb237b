export * from './logging.module';
export * from './log-fields';
