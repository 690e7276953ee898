import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import { conflict } from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { createOrConflict } from '@jiceng/workflow';
import { CounterSync } from '../read-model/counter-sync';
import { memberRecord, type MemberChange, type MemberChangeDetails } from './member.events';
import { MEMBER_MODEL, MEMBER_PROJECTION, type Member } from './member.schema';

type History = 'statusHistory' | 'floatingHistory' | 'communityReportHistory' | 'transfers';

/** A change of top-level fields, so the state after it (for the event) is plain to compute. */
export interface MemberUpdate {
  set?: Partial<Omit<Member, History | 'outbox' | 'version'>>;
  unset?: (keyof Member)[];
  push?: Partial<Record<History, unknown>>;
}

/**
 * Every member write: the change and its lifecycle event in one single-document update, guarded
 * by the version read, so a concurrent change is reported instead of overwritten. The change is
 * then counted at once (the writer's next read sees it); the event makes that durable.
 */
@Injectable()
export class MemberWriter {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly model: Model<Member>,
    private readonly relay: OutboxRelays,
    private readonly counters: CounterSync,
  ) {}

  async insert(member: Omit<Member, 'outbox'>, details: MemberChangeDetails): Promise<Member> {
    await createOrConflict(
      this.model,
      { ...member, outbox: [memberRecord('registered', member, details)] },
      'A member with this ID number is already registered',
      this.relay,
    );
    await this.counters.afterWrite('member', member._id);
    return { ...member, outbox: [] };
  }

  async commit(
    member: Member,
    update: MemberUpdate,
    change: MemberChange,
    details: MemberChangeDetails,
  ): Promise<Member> {
    const updatedAt = new Date();
    const next = { ...member, ...update.set, version: member.version + 1, updatedAt };
    for (const key of update.unset ?? []) delete next[key];
    const query: UpdateQuery<Member> = {
      $set: { ...update.set, version: next.version, updatedAt },
      $push: { ...update.push, outbox: memberRecord(change, next, details) },
    };
    if (update.unset?.length) query.$unset = Object.fromEntries(update.unset.map((k) => [k, 1]));
    const saved = await this.model
      .findOneAndUpdate({ _id: member._id, version: member.version }, query, {
        returnDocument: 'after',
        projection: MEMBER_PROJECTION,
      })
      .lean<Member>();
    if (!saved)
      throw conflict(`Member ${member._id} was changed concurrently; read it again and retry`);
    this.relay.kick(String(member._id));
    await this.counters.afterWrite('member', member._id);
    return saved;
  }
}
