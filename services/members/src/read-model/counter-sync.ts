import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Connection, Model, Types } from 'mongoose';
import {
  UNIT_DOUBLE_REPORT_MODEL,
  type UnitDoubleReport,
} from '../double-report/unit-double-report.schema';
import { MEMBER_MODEL, type Member } from '../member/member.schema';
import { memberSource, unitReportSource } from './counted-sources';
import { CounterProjector, DEFAULT_LEASE_MS, type CountedSource } from './counter-projector';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Some documents stayed claimed by another call past the wait: nothing may be acknowledged. */
export class CountingDeferredError extends Error {
  constructor(readonly ids: Types.ObjectId[]) {
    super(`${ids.length} document(s) are still being counted by another call`);
    this.name = 'CountingDeferredError';
  }
}

/** The counted changes of this service's documents, in batches (see CounterProjector). */
@Injectable()
export class CounterSync {
  private readonly logger = new Logger(CounterSync.name);
  private readonly projector: CounterProjector;
  private readonly members: CountedSource<any>;
  private readonly unitReports: CountedSource<any>;

  constructor(
    @InjectConnection() readonly connection: Connection,
    @InjectModel(MEMBER_MODEL) members: Model<Member>,
    @InjectModel(UNIT_DOUBLE_REPORT_MODEL) unitReports: Model<UnitDoubleReport>,
  ) {
    this.projector = CounterProjector.forConnection(connection);
    this.members = memberSource(members);
    this.unitReports = unitReportSource(unitReports);
  }

  /** Everything counted, for a rebuild. */
  get sources(): CountedSource<any>[] {
    return [this.members, this.unitReports];
  }

  /**
   * Counts members' current states; waits up to `waitMs` for members another call is counting
   * (the consumer must not commit offsets past a change nobody counted).
   */
  syncMembers(ids: readonly (Types.ObjectId | string)[], waitMs = DEFAULT_LEASE_MS * 2) {
    return this.syncWaiting(this.members, ids, waitMs);
  }

  syncUnitReports(ids: readonly (Types.ObjectId | string)[], waitMs = DEFAULT_LEASE_MS * 2) {
    return this.syncWaiting(this.unitReports, ids, waitMs);
  }

  /**
   * After a write: the writer's own reads see the change counted, and a failure only leaves the
   * change to the lifecycle consumer (the event is in the same write), so it is logged, not thrown.
   */
  async afterWrite(kind: 'member' | 'unitReport', id: Types.ObjectId | string): Promise<void> {
    try {
      const source = kind === 'member' ? this.members : this.unitReports;
      await this.syncWaiting(source, [id], 2_000);
    } catch (error) {
      this.logger.warn(
        `counting ${kind} ${String(id)} is left to the lifecycle consumer: ${error}`,
      );
    }
  }

  private async syncWaiting(
    source: CountedSource<any>,
    ids: readonly (Types.ObjectId | string)[],
    waitMs: number,
  ): Promise<number> {
    const deadline = Date.now() + waitMs;
    let todo = ids;
    let counted = 0;
    for (;;) {
      const result = await this.projector.sync(source, todo);
      counted += result.counted;
      if (!result.deferred.length) return counted;
      if (Date.now() > deadline) throw new CountingDeferredError(result.deferred);
      todo = result.deferred;
      await sleep(100);
    }
  }
}
