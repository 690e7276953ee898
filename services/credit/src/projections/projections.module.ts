import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MemberRefsService } from './member-refs.service';
import { ProjectRefsService } from './project-refs.service';
import { ProjectionConsumers } from './projection.consumers';
import {
  MEMBER_REF_MODEL,
  PROJECT_REF_MODEL,
  memberRefSchema,
  projectRefSchema,
} from './projection.schemas';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MEMBER_REF_MODEL, schema: memberRefSchema },
      { name: PROJECT_REF_MODEL, schema: projectRefSchema },
    ]),
  ],
  providers: [MemberRefsService, ProjectRefsService, ProjectionConsumers],
  exports: [MemberRefsService, ProjectRefsService, ProjectionConsumers],
})
export class ProjectionsModule {}
