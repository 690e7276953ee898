import { Module } from '@nestjs/common';
import { ProjectModule } from '../project/project.module';
import { AccessModule } from '../access/access.module';
import { RuralStatsResolver } from './rural-stats.resolver';
import { RuralStatsService } from './rural-stats.service';

@Module({
  imports: [ProjectModule, AccessModule],
  providers: [RuralStatsService, RuralStatsResolver],
})
export class RuralStatsModule {}
