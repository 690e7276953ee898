import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { FirmModule } from '../firm/firm.module';
import { OrganizationModule } from '../organization/organization.module';
import {
  FirmProjectsResolver,
  OrganizationProjectResolver,
  ProjectBranchLinkResolver,
} from './project-extensions.resolver';
import { ProjectResolver } from './project.resolver';
import { PROJECT_MODEL, projectSchema } from './project.schema';
import { ProjectService } from './project.service';
import { ProjectStructureService } from './project-structure.service';

const models = MongooseModule.forFeature([{ name: PROJECT_MODEL, schema: projectSchema }]);

@Module({
  imports: [
    models,
    OutboxModule.forModels(models, [PROJECT_MODEL]),
    OrganizationModule,
    FirmModule,
  ],
  providers: [
    ProjectService,
    ProjectStructureService,
    ProjectResolver,
    OrganizationProjectResolver,
    FirmProjectsResolver,
    ProjectBranchLinkResolver,
  ],
})
export class ProjectModule {}
