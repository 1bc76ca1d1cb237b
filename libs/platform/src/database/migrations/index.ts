import { EventStore1732300000000 } from './1732300000000-event-store';
import { Projections1732300001000 } from './1732300001000-projections';

/** Every platform migration, oldest first. New migrations are appended here. */
export const platformMigrations = [EventStore1732300000000, Projections1732300001000];
