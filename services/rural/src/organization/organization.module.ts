import { Module } from '@nestjs/common';
import { ProjectModule } from '../project/project.module';
import { SecretaryProjectModule } from '../secretary-project/secretary-project.module';
import { AccessModule } from '../access/access.module';
import { OrganizationRuralResolver } from './organization.resolver';

@Module({
  imports: [ProjectModule, SecretaryProjectModule, AccessModule],
  providers: [OrganizationRuralResolver],
})
export class OrganizationRuralModule {}
