import { Types, type QueryFilter, type Model } from 'mongoose';
import { badUserInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Resolved only when a client asks for it (graphql-js calls function-valued fields). */
  totalCount: () => Promise<number>;
}

export function encodeCursor(id: Types.ObjectId | string): string {
  return Buffer.from(`id:${String(id)}`).toString('base64url');
}

export function decodeCursor(cursor: string): Types.ObjectId {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const id = raw.startsWith('id:') ? raw.slice(3) : '';
  if (!Types.ObjectId.isValid(id) || id.length !== 24) {
    throw badUserInput([{ field: 'after', message: 'is not a cursor returned by this API' }]);
  }
  return new Types.ObjectId(id);
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/**
 * Relay cursor pagination in `_id` order (creation order), which every collection indexes with
 * its filters; the page is read with one extra document to know whether another page follows.
 */
export async function paginate<T extends { _id: Types.ObjectId }>(
  model: Model<any>,
  filter: QueryFilter<any>,
  args: PageArgs,
  projection?: Record<string, 0 | 1>,
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  const query: QueryFilter<any> = args.after
    ? { $and: [filter, { _id: { $gt: decodeCursor(args.after) } }] }
    : filter;
  const docs = await model
    .find(query, projection)
    .sort({ _id: 1 })
    .limit(size + 1)
    .lean<T[]>();
  return connectionOf(docs, size, () => model.countDocuments(filter).exec());
}

/** The connection of the first `size` of `docs` (in `_id` order); any more make a next page. */
export function connectionOf<T extends { _id: Types.ObjectId }>(
  docs: T[],
  size: number,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = docs.slice(0, size);
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(node._id), node })),
    pageInfo: {
      hasNextPage: docs.length > size,
      endCursor: page.length ? encodeCursor(page[page.length - 1]._id) : null,
    },
    totalCount,
  };
}

/**
 * A page of items already read and sorted by id (ascending), with the cursors `paginate()` uses:
 * for lists assembled from read models, where the ids come before the documents.
 */
export function pageOfSorted<T>(
  items: readonly T[],
  args: PageArgs,
  idOf: (item: T) => Types.ObjectId | string = (item) => (item as { _id: Types.ObjectId })._id,
): Connection<T> {
  const size = pageSize(args.first);
  const after = args.after ? String(decodeCursor(args.after)) : null;
  const rest = after ? items.filter((item) => String(idOf(item)) > after) : items;
  const page = rest.slice(0, size);
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(idOf(node)), node })),
    pageInfo: {
      hasNextPage: rest.length > size,
      endCursor: page.length ? encodeCursor(idOf(page[page.length - 1])) : null,
    },
    totalCount: async () => items.length,
  };
}
