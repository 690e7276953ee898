import { Module } from '@nestjs/common';
import { RuralAccess } from './rural-access';
import { VillageLoader } from './village.loader';

@Module({
  providers: [RuralAccess, VillageLoader],
  exports: [RuralAccess, VillageLoader],
})
export class AccessModule {}
