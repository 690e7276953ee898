import { Types, type QueryFilter } from 'mongoose';
import {
  connectionOf,
  decodeCursor,
  pageSize,
  RequestLoader,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import type { OrgNode } from '@jiceng/org-projection';
import type { OrgAccess } from './org-access';

/** One Organization list field: the organization, whether its subtree counts, a filter, a page. */
export interface OrgListRequest<F> {
  orgId: string;
  subtree: boolean;
  filter: F;
  page: PageArgs;
}

/** A page of records already read and sorted by `_id`, with the cursors `paginate()` uses. */
export function pageOfSorted<T extends { _id: Types.ObjectId }>(
  docs: T[],
  args: PageArgs,
): Connection<T> {
  const size = pageSize(args.first);
  const after = args.after ? String(decodeCursor(args.after)) : null;
  const rest = after ? docs.filter((d) => String(d._id) > after) : docs;
  return connectionOf(rest, size, async () => docs.length);
}

export interface OrgListSource<T, F> {
  /** Every record of these organizations that matches the filter, sorted by `_id`. */
  fetch(orgIds: Types.ObjectId[], filter: F): Promise<T[]>;
  /** The organizations a record belongs to. */
  owners(record: T): Types.ObjectId[];
  /** The nodes of a subtree whose records count (every node when absent). */
  subtreeWhere?: QueryFilter<OrgNode>;
}

/**
 * Batches the Organization list fields of one request (a page of organizations, each with its
 * stations): the subtrees in one projection read, the records of every organization in one read
 * per distinct filter, then each field's page in memory. Meant for lists that stay small per
 * subtree (stations, flag vehicles); a list that grows with members or with time pages in the
 * database instead, through FacetPager.
 */
export class OrgListLoader<T extends { _id: Types.ObjectId }, F> {
  private readonly loader = new RequestLoader<OrgListRequest<F>, Connection<T>>((requests) =>
    this.batch(requests),
  );

  constructor(
    private readonly access: OrgAccess,
    private readonly source: OrgListSource<T, F>,
  ) {}

  load(ctx: object, request: OrgListRequest<F>): Promise<Connection<T>> {
    // A bad `first` or `after` fails this field alone, not the whole batch.
    pageSize(request.page.first);
    if (request.page.after) decodeCursor(request.page.after);
    return this.loader.load(ctx, request);
  }

  private async batch(requests: readonly OrgListRequest<F>[]): Promise<Connection<T>[]> {
    const roots = [...new Set(requests.filter((r) => r.subtree).map((r) => r.orgId))];
    const subtrees = await this.access.subtreeIds(roots, this.source.subtreeWhere);
    const idsOf = (r: OrgListRequest<F>) =>
      new Set([r.orgId, ...(r.subtree ? (subtrees.get(r.orgId) ?? []) : []).map(String)]);
    const byFilter = new Map<string, OrgListRequest<F>[]>();
    for (const r of requests) {
      const key = JSON.stringify(r.filter ?? null);
      byFilter.set(key, [...(byFilter.get(key) ?? []), r]);
    }
    const pages = new Map<OrgListRequest<F>, Connection<T>>();
    for (const group of byFilter.values()) {
      const orgIds = new Set(group.flatMap((r) => [...idsOf(r)]));
      const records = await this.source.fetch(
        [...orgIds].map((id) => new Types.ObjectId(id)),
        group[0].filter,
      );
      for (const r of group) {
        const ids = idsOf(r);
        const own = records.filter((record) =>
          this.source.owners(record).some((o) => ids.has(String(o))),
        );
        pages.set(r, pageOfSorted(own, r.page));
      }
    }
    return requests.map((r) => pages.get(r) as Connection<T>);
  }
}
