import { Module } from '@nestjs/common';
import { RuralAccess } from './rural-access';
import { SubtreeLoader } from './subtree.loader';
import { VillageLoader } from './village.loader';

@Module({
  providers: [RuralAccess, SubtreeLoader, VillageLoader],
  exports: [RuralAccess, SubtreeLoader, VillageLoader],
})
export class AccessModule {}
