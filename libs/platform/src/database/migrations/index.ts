import { EventStore1732300000000 } from './1732300000000-event-store';
import { Projections1732300001000 } from './1732300001000-projections';
import { Tenants1732400000000 } from './1732400000000-tenants';
import { ApplicationRole1732400000100 } from './1732400000100-application-role';
import { HttpIdempotency1732400000200 } from './1732400000200-http-idempotency';
import { EsAppendCustomPlans1732600000000 } from './1732600000000-es-append-custom-plans';
import { PrivacySubjectKeys1732500000000 } from '../../privacy/1732500000000-privacy-subject-keys';

/** Every migration, oldest first. New migrations are appended here. */
export const platformMigrations = [
  EventStore1732300000000,
  Projections1732300001000,
  Tenants1732400000000,
  ApplicationRole1732400000100,
  HttpIdempotency1732400000200,
  PrivacySubjectKeys1732500000000,
  EsAppendCustomPlans1732600000000,
];
