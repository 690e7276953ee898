import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { SecretaryProjectResolver } from './secretary-project.resolver';
import { SECRETARY_PROJECT_MODEL, secretaryProjectSchema } from './secretary-project.schema';
import { SecretaryProjectService } from './secretary-project.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: SECRETARY_PROJECT_MODEL, schema: secretaryProjectSchema }]),
    AccessModule,
  ],
  providers: [SecretaryProjectService, SecretaryProjectResolver],
  exports: [SecretaryProjectService],
})
export class SecretaryProjectModule {}
