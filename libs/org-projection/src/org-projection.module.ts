import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgNodeLoader } from './org-node.loader';
import {
  ORG_AWAITED_PARENT_MODEL,
  ORG_NODE_MODEL,
  awaitedParentSchema,
  orgNodeSchema,
} from './org-node.schema';
import { ORG_PROJECTION_GROUP, OrgProjectionConsumer } from './org-projection.consumer';
import { OrgProjectionService } from './org-projection.service';
import { readSettings, text } from '@jiceng/config';

export interface OrgProjectionOptions {
  /** Kafka consumer group of the projection; see `orgProjectionGroup`. */
  groupId: string;
}

/**
 * The consumer group of a service's projection: ORG_PROJECTION_GROUP (tests use one of their
 * own, so they read the topic from its beginning), else `jiceng-<service>-org-projection`.
 */
export function orgProjectionGroup(service: string, env: NodeJS.ProcessEnv = process.env): string {
  return readSettings({ group: orgProjectionGroupSetting(service) }, env).group;
}

export const orgProjectionGroupSetting = (service: string) =>
  text(
    'ORG_PROJECTION_GROUP',
    `jiceng-${service}-org-projection`,
    'consumer group of the organization-tree projection',
  );

/** The service's copy of the organization tree (`org_nodes`), available to every module. */
@Module({})
export class OrgProjectionModule {
  static forRoot({ groupId }: OrgProjectionOptions): DynamicModule {
    return {
      module: OrgProjectionModule,
      global: true,
      imports: [
        MongooseModule.forFeature([
          { name: ORG_NODE_MODEL, schema: orgNodeSchema },
          { name: ORG_AWAITED_PARENT_MODEL, schema: awaitedParentSchema },
        ]),
      ],
      providers: [
        { provide: ORG_PROJECTION_GROUP, useValue: groupId },
        OrgProjectionService,
        OrgNodeLoader,
        OrgProjectionConsumer,
      ],
      exports: [OrgProjectionService, OrgNodeLoader, MongooseModule],
    };
  }
}
