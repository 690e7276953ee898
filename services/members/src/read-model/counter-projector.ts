import { randomUUID } from 'node:crypto';
import { Types, type Connection, type Model, type mongo } from 'mongoose';
import { bulkWrite } from './bulk';
import { contributionDelta, type ContributionKey } from './contribution';
import {
  CONTRIBUTION_MODEL,
  COUNTER_MODEL,
  ROSTER_MODEL,
  readModelSchemas,
  type MemberContribution,
  type MemberCounter,
  type PendingContribution,
} from './read-model.schema';

/** Where counted documents come from and what each contributes. */
export interface CountedSource<D extends { _id: Types.ObjectId; version: number }> {
  model: Model<any>;
  fields: Record<string, 1>;
  contribution(doc: D): ContributionKey[];
}

export interface SyncResult {
  /** Documents whose change was counted by this call. */
  counted: number;
  /** Documents another call is counting right now (claimed within the lease): try again later. */
  deferred: Types.ObjectId[];
}

// A claim older than this belongs to a process that died mid-way: another call resumes it.
export const DEFAULT_LEASE_MS = 15_000;

type RosterDoc = { _id: string; ids: unknown[] };
type Claimed = MemberContribution & { pending: PendingContribution };
type Increment = Record<string, number>;

/** The token under which a resumed intent adds its own share to a counter document. */
const resumeToken = (claimed: Claimed) => `${claimed.pending.token}:${String(claimed._id)}`;

/**
 * Brings the counters in step with the current state of some documents, in a constant number of
 * round trips per call whatever the number of documents (every read and write by `_id`):
 *
 * 1. read the documents and their contributions (`$in`); a document whose version is already
 *    counted is done (replays, duplicates and out-of-order events change nothing);
 * 2. record the intent on each contribution — the keys before and after and a token — with a
 *    write guarded by the counted version, which also claims it for this call;
 * 3. apply the increments: the call's fresh intents share one token, and each counter document
 *    takes their summed increments in ONE update guarded by "token not in `tokens`" and pushing
 *    it (so a batch costs an update per counter document touched, not per member);
 * 4. mark each contribution done (its new version and keys), then pull the tokens again.
 *
 * A crash after 2 or 3 leaves the intent on the contribution; the next call for that document
 * (an event, a write, the start-up rebuild) claims it once the lease ran out and applies its own
 * share to each counter document that lacks its batch's token (the batch update there did not
 * happen), under a sub-token `<token>:<id>` of its own, so a second resume adds nothing either.
 * A claim is held by one call, so two processes never apply the same intent at once (unless one
 * stalls past the lease mid-write: keep the lease well above a batch).
 */
export class CounterProjector {
  constructor(
    private readonly counters: mongo.Collection<MemberCounter>,
    private readonly contributions: mongo.Collection<MemberContribution>,
    private readonly rosters: mongo.Collection<RosterDoc>,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {}

  static forConnection(connection: Connection, leaseMs?: number): CounterProjector {
    for (const { name, schema } of readModelSchemas)
      if (!connection.models[name]) connection.model(name, schema);
    const collection = (name: string) =>
      connection.models[name].collection as mongo.Collection<any>;
    return new CounterProjector(
      collection(COUNTER_MODEL),
      collection(CONTRIBUTION_MODEL),
      collection(ROSTER_MODEL),
      leaseMs,
    );
  }

  async sync<D extends { _id: Types.ObjectId; version: number }>(
    source: CountedSource<D>,
    rawIds: readonly (Types.ObjectId | string)[],
  ): Promise<SyncResult> {
    const ids = [...new Set(rawIds.map(String))]
      .filter((id) => Types.ObjectId.isValid(id))
      .map((id) => new Types.ObjectId(id));
    if (!ids.length) return { counted: 0, deferred: [] };
    const [docs, contributions] = await Promise.all([
      source.model.collection.find({ _id: { $in: ids } }, { projection: source.fields }).toArray(),
      this.contributions.find({ _id: { $in: ids } }).toArray(),
    ]);
    const docOf = new Map(docs.map((d) => [String(d._id), d as unknown as D]));
    const contributionOf = new Map(contributions.map((c) => [String(c._id), c]));
    const owner = randomUUID();
    const batchToken = randomUUID();
    const resumed = new Set<string>();
    const at = new Date();
    const deferred: Types.ObjectId[] = [];
    const intents: mongo.AnyBulkWriteOperation<MemberContribution>[] = [];
    for (const _id of ids) {
      const counted = contributionOf.get(String(_id));
      const doc = docOf.get(String(_id));
      if (counted?.pending) {
        if (at.getTime() - counted.pending.at.getTime() < this.leaseMs) {
          deferred.push(_id);
          continue;
        }
        // Left by a call that died: claim it, keeping its token (some increments may be in).
        resumed.add(String(_id));
        intents.push({
          updateOne: {
            filter: {
              _id,
              'pending.owner': counted.pending.owner,
              'pending.at': counted.pending.at,
            },
            update: { $set: { 'pending.owner': owner, 'pending.at': at } },
          },
        });
        continue;
      }
      if (!doc || (counted && counted.version >= doc.version)) continue;
      const pending: PendingContribution = {
        token: batchToken,
        owner,
        at,
        version: doc.version,
        keys: source.contribution(doc),
        before: counted?.keys ?? [],
      };
      intents.push(
        counted
          ? {
              updateOne: {
                filter: { _id, version: counted.version, pending: { $exists: false } },
                update: { $set: { pending } },
              },
            }
          : { insertOne: { document: { _id, version: 0, keys: [], pending } } },
      );
    }
    if (!intents.length) return { counted: 0, deferred };
    await bulkWrite(this.contributions, intents); // a lost race is simply not claimed
    const claimed = (await this.contributions
      .find({ _id: { $in: ids }, 'pending.owner': owner })
      .toArray()) as Claimed[];
    if (!claimed.length) return { counted: 0, deferred };
    const touched = await this.apply(claimed, batchToken, resumed);
    await bulkWrite(
      this.contributions,
      claimed.map(({ _id, pending }) => ({
        updateOne: {
          filter: { _id, 'pending.owner': owner },
          update: {
            $set: { version: pending.version, keys: pending.keys },
            $unset: { pending: 1 },
          },
        },
      })),
    );
    await bulkWrite(
      this.counters,
      [...touched].map(([_id, tokens]) => ({
        updateOne: { filter: { _id }, update: { $pull: { tokens: { $in: [...tokens] } } } },
      })),
    );
    await this.pullFinishedBatchTokens(claimed.filter((c) => resumed.has(String(c._id))));
    return { counted: claimed.length, deferred };
  }

  /**
   * After resuming intents of a batch that died: once none of that batch is pending any more,
   * its token can leave the counter documents these intents touch (while one is pending, the
   * token still tells it that the batch update there happened). Only after a crash; the lookup
   * by `pending.token` is a scan on the local server.
   */
  private async pullFinishedBatchTokens(resumed: Claimed[]): Promise<void> {
    const docsOf = new Map<string, Set<string>>();
    for (const { pending } of resumed) {
      const docs = docsOf.get(pending.token) ?? new Set<string>();
      for (const doc of contributionDelta(pending.before, pending.keys).counters.keys())
        docs.add(doc);
      docsOf.set(pending.token, docs);
    }
    for (const [token, docs] of docsOf) {
      if (await this.contributions.countDocuments({ 'pending.token': token }, { limit: 1 }))
        continue;
      await this.counters.updateMany({ _id: { $in: [...docs] } }, {
        $pull: { tokens: token },
      } as mongo.UpdateFilter<MemberCounter>);
    }
  }

  /** Step 3: the increments (one update per counter document and token) and the roster entries. */
  private async apply(
    claimed: Claimed[],
    batchToken: string,
    resumed: ReadonlySet<string>,
  ): Promise<Map<string, Set<string>>> {
    const increments = new Map<string, Map<string, Increment>>(); // doc → token → inc
    const skipIf = new Map<string, string[]>(); // token → tokens whose presence means "applied"
    const rosterAdds = new Map<string, Types.ObjectId[]>();
    const rosterPulls = new Map<string, Types.ObjectId[]>();
    for (const contribution of claimed) {
      const { _id, pending } = contribution;
      const isResumed = resumed.has(String(_id));
      const token = isResumed ? resumeToken(contribution) : batchToken;
      skipIf.set(token, isResumed ? [pending.token, token] : [token]);
      const delta = contributionDelta(pending.before, pending.keys);
      for (const [doc, fields] of delta.counters) {
        const byToken = increments.get(doc) ?? new Map<string, Increment>();
        const inc = byToken.get(token) ?? {};
        for (const [field, n] of Object.entries(fields)) inc[field] = (inc[field] ?? 0) + n;
        byToken.set(token, inc);
        increments.set(doc, byToken);
      }
      for (const [roster, sign] of delta.rosters) {
        const into = sign > 0 ? rosterAdds : rosterPulls;
        into.set(roster, [...(into.get(roster) ?? []), _id]);
      }
    }
    // Counter docs exist first, so the guarded increments below need no upsert (an upsert whose
    // filter fails on the token would try an insert and report a duplicate either way).
    await this.ensureCounters([...increments.keys()]);
    const touched = new Map<string, Set<string>>();
    const ops: mongo.AnyBulkWriteOperation<MemberCounter>[] = [];
    for (const [_id, byToken] of increments) {
      for (const [token, inc] of byToken) {
        const $inc = Object.fromEntries(Object.entries(inc).filter(([, n]) => n !== 0));
        if (!Object.keys($inc).length) continue;
        ops.push({
          updateOne: {
            filter: { _id, tokens: { $nin: skipIf.get(token) } },
            update: { $inc, $push: { tokens: token } },
          },
        });
        touched.set(_id, (touched.get(_id) ?? new Set()).add(token));
      }
    }
    await bulkWrite(this.counters, ops);
    await this.updateRosters(rosterAdds, rosterPulls);
    return touched;
  }

  private async ensureCounters(ids: string[]): Promise<void> {
    const ops = ids.map((_id) => ({
      updateOne: {
        filter: { _id },
        update: { $setOnInsert: { tokens: [] as string[] } },
        upsert: true,
      },
    }));
    await bulkWrite(this.counters, ops); // a duplicate means a concurrent call created it
  }

  // Adding and removing ids is idempotent by nature: no token is needed.
  private async updateRosters(
    adds: Map<string, Types.ObjectId[]>,
    pulls: Map<string, Types.ObjectId[]>,
  ): Promise<void> {
    // Typed loosely: the driver's typings reject `$pull` with `$in` on an ObjectId array.
    const ops: mongo.AnyBulkWriteOperation<RosterDoc>[] = [
      ...[...adds].map(([_id, ids]) => ({
        updateOne: {
          filter: { _id },
          update: { $addToSet: { ids: { $each: ids } } },
          upsert: true,
        },
      })),
      ...[...pulls].map(([_id, ids]) => ({
        updateOne: { filter: { _id }, update: { $pull: { ids: { $in: ids } } } },
      })),
    ];
    const lost = await bulkWrite(this.rosters, ops);
    // An upsert that lost a race to another one: the roster exists now, so add again.
    await bulkWrite(
      this.rosters,
      lost.map((i) => ops[i]),
    );
  }
}
