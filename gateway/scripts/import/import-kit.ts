// What the CSV imports share: running rows a few at a time, naming organizations by their
// names, and turning the graph's refusals into a row's problems.
import { decodeCsv, parseCsv, rowsOf, type CsvEncoding, type CsvRow } from '@jiceng/csv';
import type { GraphAnswer, GraphRequest } from '../graph-request';

/** A row's problem: its line, the column (as the file's header names it in Chinese) and why. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

/** What an import did: rows registered (created), left as they were, and refused. */
export interface ImportReport {
  encoding: CsvEncoding;
  rows: number;
  /** Registered or created now (in a dry run: would be). */
  registered: number;
  /** Registered already: left as they are. */
  unchanged: number;
  refused: RowProblem[];
}

/** A file's rows under its header, and the report an import of them fills in. */
export function readImport(
  bytes: Uint8Array,
  columns: Record<string, readonly string[]>,
  required: readonly string[],
): { rows: CsvRow[]; report: ImportReport } {
  const { text, encoding } = decodeCsv(bytes);
  const rows = rowsOf(parseCsv(text), columns, required);
  return {
    rows,
    report: { encoding, rows: rows.length, registered: 0, unchanged: 0, refused: [] },
  };
}

const BY_NAME = `query($name: String!, $after: String) { organizations(first: 100, after: $after, filter: { nameContains: $name, status: ACTIVE }) {
  edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * The problems an answer's errors are for a row: BAD_USER_INPUT's fields name the columns
 * (`columnOf` maps an input field to its column), FORBIDDEN is the scope's, so `scopeColumn`'s.
 */
export function problemsOf(
  line: number,
  errors: NonNullable<GraphAnswer<unknown>['errors']>,
  columnOf: (field: string) => string,
  scopeColumn: string,
): RowProblem[] {
  return errors.flatMap((e) => {
    const fields = e.extensions?.fields;
    if (e.extensions?.code === 'BAD_USER_INPUT' && fields?.length)
      return fields.map((f) => ({ line, column: columnOf(f.field), message: f.message }));
    const column =
      e.extensions?.code === 'FORBIDDEN' ? scopeColumn : `(${e.extensions?.code ?? 'error'})`;
    return [{ line, column, message: e.message }];
  });
}

/** Organization names (or ids) to ids, each name asked once; an unknown or ambiguous one is a problem. */
export async function organizationIds(
  request: GraphRequest,
  references: Iterable<string>,
): Promise<Map<string, string | { problem: string }>> {
  const ids = new Map<string, string | { problem: string }>();
  for (const reference of new Set(references)) {
    if (OBJECT_ID.test(reference)) {
      ids.set(reference, reference);
      continue;
    }
    // Every active organization whose name contains it, paged: the exact one may be far down.
    const exact: { id: string; name: string }[] = [];
    let error: string | undefined;
    for (let after: string | undefined; ;) {
      const answer = await request<{
        organizations: {
          edges: { node: { id: string; name: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(BY_NAME, { name: reference, after });
      error = answer.errors?.[0]?.message;
      const page = answer.data?.organizations;
      exact.push(...(page?.edges ?? []).map((e) => e.node).filter((n) => n.name === reference));
      if (error || !page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    ids.set(
      reference,
      exact.length === 1 && !error
        ? exact[0].id
        : {
            problem: error
              ? error
              : exact.length
                ? `${exact.length} organizations are named ${reference} in your scope: give its id`
                : `no organization named ${reference} in your scope`,
          },
    );
  }
  return ids;
}

/** Runs `work` on every item, `concurrency` at a time, in order of the items. */
export async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
