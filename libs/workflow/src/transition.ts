// The write side of a step: one conditional single-document update that moves the record from the
// step's `from` states (and any extra guards, such as a version) to its `to` state, with the
// history entry and the outbox record in the same write. Of two concurrent steps exactly one
// matches; the other is told, as CONFLICT, which state the record is in now.
import { conflict, notFound } from '@jiceng/graphql';
import { isDuplicateKeyError } from '@jiceng/mongo';
import type { OutboxRecord } from '@jiceng/outbox';
import type { Model, UpdateQuery } from 'mongoose';
import type { Steps } from './steps';

/** What `transition` needs of `OutboxRelays`: publish the aggregate's new records now. */
export interface RelayKick {
  kick(aggregateId?: string): void;
}

export interface TransitionOptions<S extends string, K extends string, P> {
  steps: Steps<S, K, P>;
  step: K;
  id: unknown;
  /** The document field that holds the state; 'state' unless the schema names it otherwise. */
  field?: string;
  /** Further conditions the write must meet, e.g. `{ version }` read with the record. */
  guards?: Record<string, unknown>;
  set?: Record<string, unknown>;
  /** Appended in the same write, e.g. `{ history: entry }`; the outbox record goes in `outbox`. */
  push?: Record<string, unknown>;
  /** Counters moved in the same write, e.g. `{ version: 1 }`. */
  inc?: Record<string, number>;
  /** The step's event; with it, `relay` is kicked once the write landed. */
  outbox?: OutboxRecord;
  relay?: RelayKick;
  /** How NOT_FOUND names the record: 'Claim', 'Star rating'. */
  what: string;
}

export async function transition<S extends string, K extends string, P>(
  // Any model: the filter and update are built from plain field names.
  model: Model<any>,
  options: TransitionOptions<S, K, P>,
): Promise<void> {
  const { steps, step, id, field = 'state', guards = {}, set = {}, what } = options;
  const { from, to } = steps.steps[step];
  const push = { ...options.push, ...(options.outbox && { outbox: options.outbox }) };
  const result = await model.updateOne(
    { ...guards, _id: id, [field]: from.length === 1 ? from[0] : { $in: from } },
    {
      $set: { ...set, [field]: to },
      ...(Object.keys(push).length && { $push: push }),
      ...(options.inc && { $inc: options.inc }),
    },
  );
  if (result.matchedCount === 0) {
    const current = await model.findById(id, { [field]: 1 }).lean<Record<string, S>>();
    if (!current) throw notFound(what, String(id));
    throw conflict(lostMessage(steps, step, current[field], `${what} ${String(id)}`));
  }
  if (options.outbox) options.relay?.kick(String(id));
}

/** Why a step's write matched nothing, given the state found after it. */
export function lostMessage<S extends string, K extends string, P>(
  steps: Steps<S, K, P>,
  step: K,
  state: S,
  record: string,
): string {
  return (
    steps.stepProblem(state, step) ??
    // The state still allows the step, so another guard (a version) moved on meanwhile.
    `${record} changed concurrently (it is ${steps.describe(state)} now); read it again and retry`
  );
}

/**
 * Inserts a document whose unique key records a fact that may be stored once only (one rating per
 * organization and period); a second insert becomes CONFLICT with `message` instead of E11000.
 * A document carrying `outbox` records has them published at once through `relay`.
 */
export async function createOrConflict<T extends object>(
  model: Model<any>,
  doc: T,
  message: string,
  relay?: RelayKick,
): Promise<T> {
  try {
    await model.create(doc as Record<string, unknown>);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict(message);
    throw error;
  }
  const { _id: id, outbox } = doc as { _id?: unknown; outbox?: unknown[] };
  if (relay && outbox?.length) relay.kick(id === undefined ? undefined : String(id));
  return doc;
}

export interface UpdateOrConflictOptions {
  /** Publishes the record's new outbox entries once the write landed. */
  relay?: RelayKick;
  arrayFilters?: Record<string, unknown>[];
}

/**
 * A guarded single-document update that is no state step: an edit guarded by the version read,
 * or by what must still hold (an entry not scored yet). When the filter matches nothing, CONFLICT
 * with `lost`; a function words it from the record as it is now.
 */
export async function updateOrConflict(
  model: Model<any>,
  filter: Record<string, unknown> & { _id: unknown },
  update: UpdateQuery<any>,
  lost: string | (() => Promise<string>),
  { relay, arrayFilters }: UpdateOrConflictOptions = {},
): Promise<void> {
  const result = await model.updateOne(filter, update, arrayFilters && { arrayFilters });
  if (result.matchedCount === 0) throw conflict(typeof lost === 'string' ? lost : await lost());
  relay?.kick(String(filter._id));
}
