import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { memberLifecycleV1, TOPIC_SPECS, type MemberLifecycleV1 } from '@jiceng/events';
import { ensureTopics, IdempotentConsumer, KAFKA } from '@jiceng/kafka';
import { volunteeringEnv } from '../volunteering.env';
import { MemberProjectionService } from './member-projection.service';

/** Keeps `member_nodes` in step with the members service's lifecycle topic. */
@Injectable()
export class MemberProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MemberProjectionConsumer.name);
  private consumer?: IdempotentConsumer<MemberLifecycleV1>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly projection: MemberProjectionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, TOPIC_SPECS);
    this.consumer = new IdempotentConsumer(this.kafka, {
      groupId: volunteeringEnv().memberProjectionGroup,
      contract: memberLifecycleV1,
      handler: (event) => this.projection.apply(event),
      onProcessed: (result) => {
        if (result === 'dead-lettered') this.logger.warn('a member event was dead-lettered');
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
