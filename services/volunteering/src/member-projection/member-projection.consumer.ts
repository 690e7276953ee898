import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { memberLifecycleV1, type MemberLifecycleV1 } from '@jiceng/events';
import { KAFKA, LifecycleConsumer } from '@jiceng/kafka';
import { volunteeringEnv } from '../volunteering.env';
import { MemberProjectionService } from './member-projection.service';

/** Keeps `member_nodes` in step with the members service's lifecycle topic. */
@Injectable()
export class MemberProjectionConsumer extends LifecycleConsumer<MemberLifecycleV1> {
  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly projection: MemberProjectionService,
  ) {
    super(kafka, 'a member event');
  }

  protected consumerOptions() {
    return {
      groupId: volunteeringEnv().memberProjectionGroup,
      contract: memberLifecycleV1,
      handler: this.projection.apply.bind(this.projection),
    };
  }
}
