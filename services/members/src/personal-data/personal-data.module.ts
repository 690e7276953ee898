import { Global, Module } from '@nestjs/common';
import { PersonalDataCipher } from './personal-data.cipher';
import { personalDataConfigFromEnv } from './personal-data.config';

/** The cipher, built once at start: a missing key in production stops the service there. */
@Global()
@Module({
  providers: [
    {
      provide: PersonalDataCipher,
      useFactory: () => new PersonalDataCipher(personalDataConfigFromEnv()),
    },
  ],
  exports: [PersonalDataCipher],
})
export class PersonalDataModule {}
