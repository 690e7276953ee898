import { Types, type Model, type PipelineStage, type QueryFilter } from 'mongoose';
import {
  connectionOf,
  decodeCursor,
  pageSize,
  RequestLoader,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';

export interface PageRequest {
  /**
   * Identifies the filter and page within the request (organization id and arguments); the
   * filter and page themselves when absent.
   */
  key?: string;
  filter: QueryFilter<any>;
  page: PageArgs;
}

type Doc = { _id: Types.ObjectId };

/**
 * Relay pages of one collection for many filters at once, as the Organization fields of a page
 * of organizations ask for them: one aggregation per tick, a `$match` on the union of the
 * filters (which indexes serve) and one `$facet` branch per filter, each in `_id` order with its
 * page's limit, then one `find` of the pages' documents. The branches carry ids only, so the
 * aggregation's single result document stays small (MongoDB caps it at 16 MB). Counts are
 * batched the same way, and run only when a client asks for totalCount. For lists that grow with
 * members or with time (projects, tasks, wishes), where reading a subtree's every record to page
 * it in memory (OrgListLoader) would not stay cheap.
 */
export class FacetPager<T extends Doc> {
  private readonly pages = new RequestLoader<PageRequest, T[]>(async (requests) => {
    const pages = await this.facets(
      requests,
      (r) => [
        { $match: pageFilter(r) },
        { $sort: { _id: 1 } },
        { $limit: pageSize(r.page.first) + 1 },
        { $project: { _id: 1 } },
      ],
      (rows) => rows.map((row) => String(row._id)),
    );
    const ids = [...new Set(pages.flat())].map((id) => new Types.ObjectId(id));
    const found = ids.length
      ? await this.model.find({ _id: { $in: ids } }, this.projection).lean<T[]>()
      : [];
    const docs = new Map(found.map((d) => [String(d._id), d]));
    return pages.map((page) => page.map((id) => docs.get(id)).filter((d): d is T => !!d));
  }, keyOf);

  private readonly counts = new RequestLoader<PageRequest, number>(
    (requests) =>
      this.facets(
        requests,
        (r) => [{ $match: r.filter }, { $count: 'n' }],
        (rows) => rows[0]?.n ?? 0,
      ),
    keyOf,
  );

  constructor(
    private readonly model: Model<any>,
    /** What the pages' documents are read with, as `paginate()` takes it. */
    private readonly projection?: Record<string, 0 | 1>,
  ) {}

  async page(ctx: object, request: PageRequest): Promise<Connection<T>> {
    // A bad page size or cursor fails this field alone, not the whole batch.
    const size = pageSize(request.page.first);
    if (request.page.after) decodeCursor(request.page.after);
    const docs = await this.pages.load(ctx, request);
    return connectionOf(docs, size, () => this.counts.load(ctx, request));
  }

  private async facets<R>(
    requests: readonly PageRequest[],
    branch: (request: PageRequest) => PipelineStage.FacetPipelineStage[],
    pick: (rows: any[]) => R,
  ): Promise<R[]> {
    const union =
      requests.length === 1 ? requests[0].filter : { $or: requests.map((r) => r.filter) };
    const [result] = await this.model.aggregate([
      { $match: union },
      { $facet: Object.fromEntries(requests.map((r, i) => [`f${i}`, branch(r)])) },
    ]);
    return requests.map((_, i) => pick(result?.[`f${i}`] ?? []));
  }
}

function keyOf(request: PageRequest): string {
  return request.key ?? JSON.stringify([request.filter, request.page]);
}

function pageFilter(request: PageRequest): QueryFilter<any> {
  return request.page.after
    ? { $and: [request.filter, { _id: { $gt: decodeCursor(request.page.after) } }] }
    : request.filter;
}
