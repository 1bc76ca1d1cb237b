import { Module } from '@nestjs/common';
import { EVENT_STORE } from '../database/database.module';
import { CommandRunner } from '../domain/command-runner';
import type { EventStore } from '../event-store/event-store.port';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';
import type { SubjectKeyStore } from './subject-keys';
import { SUBJECT_KEYS } from './tokens';

/** Erasure and access for data subjects. Needs the platform's DatabaseModule. */
@Module({
  controllers: [PrivacyController],
  providers: [
    {
      provide: PersonalDataService,
      inject: [EVENT_STORE, CommandRunner, SUBJECT_KEYS],
      useFactory: (store: EventStore, runner: CommandRunner, keys: SubjectKeyStore) =>
        new PersonalDataService(store, runner, keys),
    },
  ],
  exports: [PersonalDataService],
})
export class PrivacyModule {}
