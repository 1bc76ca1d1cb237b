import { PrivacyModule } from '@kooperacja/platform';
import type { ContextDescriptor } from '../context-descriptor';

/**
 * Data subjects' rights: erasure and access (libs/platform/src/privacy). Its key table is a
 * platform migration (every event store needs it); read models erase through their own
 * projections on `privacy.PersonalDataErased.v1`.
 */
export const privacyContext: ContextDescriptor = {
  name: 'privacy',
  modules: [PrivacyModule],
  projections: [],
  entities: [],
  migrations: [],
};
