import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { organizationLifecycleV1, type OrganizationLifecycleV1 } from '@jiceng/events';
import { KAFKA, LifecycleConsumer } from '@jiceng/kafka';
import { OrgProjectionService } from './org-projection.service';

export const ORG_PROJECTION_GROUP = Symbol('ORG_PROJECTION_GROUP');

/** Keeps `org_nodes` in step with the organizations service's lifecycle topic. */
@Injectable()
export class OrgProjectionConsumer extends LifecycleConsumer<OrganizationLifecycleV1> {
  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(ORG_PROJECTION_GROUP) private readonly groupId: string,
    private readonly projection: OrgProjectionService,
  ) {
    super(kafka, 'an organization event');
  }

  protected consumerOptions() {
    return {
      groupId: this.groupId,
      contract: organizationLifecycleV1,
      handler: this.projection.apply.bind(this.projection),
    };
  }
}
