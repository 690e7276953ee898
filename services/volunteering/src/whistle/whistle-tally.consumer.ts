import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { shanghaiMonth } from '@jiceng/calendar';
import { whistleStepV1, type CloudEvent, type WhistleStepV1 } from '@jiceng/events';
import { KAFKA, LifecycleConsumer, type HandlerOutcome } from '@jiceng/kafka';
import { volunteeringEnv } from '../volunteering.env';
import { whistleEventKind } from './whistle.events';
import { WHISTLE_MODEL, WHISTLE_TALLY_MODEL, type Whistle } from './whistle.schema';
import { tallyIncrements, type WhistleTally } from './whistle-tally';

/** Event ids a tally remembers (see the class comment). */
export const APPLIED_WINDOW = 2000;

/**
 * Keeps the whistle tallies (`<orgId>|<month>`) from the whistles topic. An event is applied to
 * each tally of the requester's path at most once: the increment is conditional on the event id
 * not being among the tally's `applied` ids and records it in the same write, so a redelivery
 * (or a crash halfway through a path) adds only what is missing. A tally keeps the last
 * APPLIED_WINDOW ids only, so a province's month stays a small document: a redelivery comes from
 * the uncommitted tail of a partition, far fewer events than that; a deliberate replay from the
 * beginning is a rebuild, which starts from dropped tallies.
 */
@Injectable()
export class WhistleTallyConsumer extends LifecycleConsumer<WhistleStepV1> {
  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @InjectModel(WHISTLE_MODEL) private readonly whistles: Model<Whistle>,
    @InjectModel(WHISTLE_TALLY_MODEL) private readonly tallies: Model<WhistleTally>,
  ) {
    super(kafka, 'a whistle event');
  }

  protected consumerOptions() {
    return {
      groupId: volunteeringEnv().whistleTallyGroup,
      contract: whistleStepV1,
      fromBeginning: true,
      handler: (event: CloudEvent<WhistleStepV1>) => this.apply(event),
    };
  }

  async apply(event: CloudEvent<WhistleStepV1>): Promise<HandlerOutcome> {
    const kind = whistleEventKind(event.type);
    const whistle = await this.whistles
      .findById(event.data.whistleId, {
        path: 1,
        raisedAt: 1,
        category: 1,
        reports: 1,
        satisfaction: 1,
      })
      .lean<Whistle>();
    // Not this database's whistle (a topic shared by several deployments' test runs), or a
    // step with no figure of its own.
    if (!kind || !whistle) return 'duplicate';
    const inc = tallyIncrements(kind, whistle, event.data.departmentId);
    if (!Object.keys(inc).length) return 'duplicate';
    const month = shanghaiMonth(whistle.raisedAt);
    const ops: AnyBulkWriteOperation<WhistleTally>[] = whistle.path.flatMap((org) => {
      const _id = `${String(org)}|${month}`;
      return [
        {
          updateOne: {
            filter: { _id },
            update: { $setOnInsert: { orgId: String(org), month } },
            upsert: true,
          },
        },
        {
          updateOne: {
            filter: { _id, applied: { $ne: event.id } },
            update: {
              $inc: inc,
              $push: { applied: { $each: [event.id], $slice: -APPLIED_WINDOW } },
            },
          },
        },
      ];
    });
    await this.tallies.bulkWrite(ops, { ordered: true });
    return 'applied';
  }
}
