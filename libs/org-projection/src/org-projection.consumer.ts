import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { organizationLifecycleV1, TOPIC_SPECS, type OrganizationLifecycleV1 } from '@jiceng/events';
import { ensureTopics, IdempotentConsumer, KAFKA } from '@jiceng/kafka';
import { OrgProjectionService } from './org-projection.service';

export const ORG_PROJECTION_GROUP = Symbol('ORG_PROJECTION_GROUP');

/** Keeps `org_nodes` in step with the organizations service's lifecycle topic. */
@Injectable()
export class OrgProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrgProjectionConsumer.name);
  private consumer?: IdempotentConsumer<OrganizationLifecycleV1>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ORG_PROJECTION_GROUP) private readonly groupId: string,
    private readonly projection: OrgProjectionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, TOPIC_SPECS);
    this.consumer = new IdempotentConsumer(this.kafka, {
      groupId: this.groupId,
      contract: organizationLifecycleV1,
      handler: (event) => this.projection.apply(event),
      onProcessed: (result) => {
        if (result === 'dead-lettered') this.logger.warn('an organization event was dead-lettered');
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
