import { EventStore1732300000000 } from './1732300000000-event-store';

/** Every migration, oldest first. New migrations are appended here. */
export const platformMigrations = [EventStore1732300000000];
