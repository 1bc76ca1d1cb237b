export * from './read-models.module';
