import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { documentLoader, RequestLoader } from '@jiceng/graphql';
import { ORG_NODE_MODEL, OrgProjectionService, type OrgNode } from '@jiceng/org-projection';
import { PIPELINE, type AgeBand, type MemberStatus } from '../member/member.enums';
import { ageBandCounts, boundaryYears } from './age-bands';
import { yearDoc } from './contribution';
import { COUNTER_MODEL, type MemberCounter } from './read-model.schema';

/** A counter doc's fields flattened: `s.FULL`, `fl`, `rm.<unit>` … → count. */
export type Totals = Map<string, number>;

const NESTED = ['s', 'g', 'y', 'd', 'rm', 'ur'] as const;
const SCALARS = ['fl', 'ru', 'ti', 'to', 'uu'] as const;

function flatten(doc: MemberCounter, into: Totals = new Map()): Totals {
  for (const group of NESTED)
    for (const [key, n] of Object.entries(doc[group] ?? {}))
      into.set(`${group}.${key}`, (into.get(`${group}.${key}`) ?? 0) + n);
  for (const field of SCALARS) into.set(field, (into.get(field) ?? 0) + (doc[field] ?? 0));
  return into;
}

/** Sum of the totals whose key starts with `prefix` (and, if given, whose rest is accepted). */
export function sumOf(totals: Totals, prefix: string, accept?: (rest: string) => boolean): number {
  let sum = 0;
  for (const [key, n] of totals)
    if (key.startsWith(prefix) && (!accept || accept(key.slice(prefix.length)))) sum += n;
  return sum;
}

/** Several organizations' totals added up. */
export function combine(all: Iterable<Totals>): Totals {
  const total: Totals = new Map();
  for (const one of all) for (const [k, n] of one) total.set(k, (total.get(k) ?? 0) + n);
  return total;
}

/** Members held, of the given statuses or of every status but LEFT. */
export const heldCount = (totals: Totals, statuses?: readonly MemberStatus[]) =>
  (statuses?.length ? statuses : PIPELINE).reduce((n, s) => n + (totals.get(`s.${s}`) ?? 0), 0);

/**
 * Reads the per-organization counters: a subtree's figure is the sum over its organizations,
 * read by `_id: {$in}` (O(organizations in the subtree), whatever the number of members).
 */
@Injectable()
export class MemberCounters {
  constructor(
    @InjectModel(COUNTER_MODEL) private readonly counters: Model<MemberCounter>,
    @InjectModel(ORG_NODE_MODEL) private readonly nodes: Model<OrgNode>,
    private readonly orgs: OrgProjectionService,
  ) {}

  // One request's lists per organization (`organizations { members(first: 1) }`) share these:
  // every subtree of the page in one projection read, every counter in one `_id: {$in}` read,
  // where each organization would otherwise read its whole subtree and its counters again.
  private readonly subtreeLoader = new RequestLoader<string, Pick<OrgNode, '_id' | 'sector'>[]>(
    async (roots) => {
      const subtrees = await this.orgs.subtrees(roots, { fields: { _id: 1, sector: 1 } });
      return roots.map((root) => withRoot(new Types.ObjectId(root), subtrees.get(root) ?? []));
    },
  );
  private readonly counterLoader = documentLoader<MemberCounter>((ids) =>
    this.counters.find({ _id: { $in: ids } }, { tokens: 0 }).lean<MemberCounter[]>(),
  );

  /** `organizations`, batched with the other lists of the same request (`ctx`). */
  async organizationsInRequest(
    ctx: object,
    root: Types.ObjectId | null,
    directOnly = false,
  ): Promise<Pick<OrgNode, '_id' | 'sector'>[]> {
    if (!root || directOnly) return this.organizations(root, directOnly);
    return this.subtreeLoader.load(ctx, String(root));
  }

  /** `perOrganization`, batched with the other lists of the same request (`ctx`). */
  async perOrganizationInRequest(
    ctx: object,
    ids: readonly (Types.ObjectId | string)[],
  ): Promise<Map<string, Totals>> {
    const docs = await this.counterLoader.loadMany(ctx, ids.map(String));
    return new Map(
      docs.filter((d): d is MemberCounter => d !== null).map((d) => [d._id, flatten(d)]),
    );
  }

  /** The subtree's organizations (root first), the root alone, or every organization known. */
  async organizations(
    root: Types.ObjectId | null,
    directOnly = false,
  ): Promise<Pick<OrgNode, '_id' | 'sector'>[]> {
    if (root && directOnly) {
      const node = await this.orgs.get(root);
      return [node ?? { _id: root, sector: 'UNKNOWN' }];
    }
    if (root) return withRoot(root, await this.orgs.subtree(root, { _id: 1, sector: 1 }));
    return this.nodes.find({}, { _id: 1, sector: 1 }).lean<Pick<OrgNode, '_id' | 'sector'>[]>();
  }

  /** Each organization's own counters (organizations without any are absent). */
  async perOrganization(ids: readonly (Types.ObjectId | string)[]): Promise<Map<string, Totals>> {
    const docs = await this.counters
      .find({ _id: { $in: ids.map(String) } }, { tokens: 0 })
      .lean<MemberCounter[]>();
    return new Map(docs.map((d) => [d._id, flatten(d)]));
  }

  /** The organizations' counters summed. */
  async sum(ids: readonly (Types.ObjectId | string)[]): Promise<Totals> {
    return combine((await this.perOrganization(ids)).values());
  }

  /** A subtree's (or one organization's) summed counters. */
  async ofSubtree(root: Types.ObjectId, directOnly = false): Promise<Totals> {
    return this.sum((await this.organizations(root, directOnly)).map((n) => n._id));
  }

  /**
   * Members (not LEFT) per age band today: birth-year counts from `totals`, plus day-level
   * counts of the three boundary birth years, one more `$in` read of at most 3 docs per
   * organization.
   */
  async ageBands(
    ids: readonly (Types.ObjectId | string)[],
    totals: Totals,
    today: Date,
  ): Promise<Record<AgeBand, number>> {
    const years = boundaryYears(today);
    const detailIds = ids.flatMap((id) => years.map((y) => yearDoc(id, y)));
    const details = await this.counters
      .find({ _id: { $in: detailIds } }, { d: 1 })
      .lean<MemberCounter[]>();
    const byYear = new Map<number, number>();
    for (const [key, n] of totals) if (key.startsWith('y.b')) byYear.set(Number(key.slice(3)), n);
    const byDay = new Map<number, Map<string, number>>();
    for (const doc of details) {
      const year = Number(doc._id.slice(doc._id.lastIndexOf(':') + 1));
      const days = byDay.get(year) ?? new Map<string, number>();
      for (const [day, n] of Object.entries(doc.d ?? {}))
        days.set(day.slice(1), (days.get(day.slice(1)) ?? 0) + n);
      byDay.set(year, days);
    }
    return ageBandCounts(byYear, byDay, today);
  }
}

/** A subtree's nodes with its root among them, even before the projection has seen the root. */
function withRoot<T extends Pick<OrgNode, '_id' | 'sector'>>(
  root: Types.ObjectId,
  nodes: T[],
): Pick<OrgNode, '_id' | 'sector'>[] {
  return nodes.some((n) => n._id.equals(root))
    ? nodes
    : [{ _id: root, sector: 'UNKNOWN' }, ...nodes];
}
