// `POST /export.csv`: a list of the graph as a CSV file. The body is a GraphQL query, as for
// /graphql, and `list`, the dotted path of the list in its result (`organizations`,
// `organization.members`, `memberStats.byStatus`). The query runs through the gateway's own
// server with the caller's token — the same limits, scope and masking of personal data as in
// GraphQL, by construction — and a Relay connection is paged through its `after` variable
// until its end, each page written as it arrives. Columns follow the selection of a row.
import { once } from 'node:events';
import type { ApolloServer } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { csvLine, UTF8_BOM } from '@jiceng/csv';
import { limitedParseOptions } from './operation-limits';
import type { GatewayContext } from './signed-claims.data-source';

export interface CsvExportOptions {
  /** Most rows one export may write (EXPORT_MAX_ROWS). */
  maxRows: number;
}

/** What an export runs, once its query has been read. */
export interface ExportPlan {
  /** Column paths in the row, in the order of the selection; header cells join them with ".". */
  columns: string[][];
  /** The list's path in the result, the row being each item (a connection's `edges.node`). */
  listPath: string[];
  /** For a connection: where its pageInfo is, and the variable its `after` argument takes. */
  paging?: { pageInfoPath: string[]; afterVariable: string };
}

export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string) => new ExportError(400, 'BAD_REQUEST', message);

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
}

/** The fields of a selection set, fragments spread in place. */
function fieldsOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, fragments);
    return fieldsOf(fragments.get(s.name.value)?.selectionSet, fragments);
  });
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

function columnsOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  prefix: string[] = [],
): string[][] {
  const seen = new Set<string>();
  return fieldsOf(selectionSet, fragments).flatMap((field) => {
    const path = [...prefix, responseKey(field)];
    if (seen.has(path.join('.'))) return [];
    seen.add(path.join('.'));
    return field.selectionSet ? columnsOf(field.selectionSet, fragments, path) : [path];
  });
}

/** Reads what an export runs from its query; a query that cannot be exported is a 400. */
export function planExport(
  query: string,
  operationName: string | undefined,
  list: string,
): ExportPlan {
  let document: DocumentNode;
  try {
    document = parse(query, limitedParseOptions);
  } catch (error) {
    throw new ExportError(400, 'GRAPHQL_PARSE_FAILED', (error as Error).message);
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) throw bad('Name the one operation to run in operationName');
  if (operation.operation !== 'query') throw bad('Only a query can be exported');
  const fragments = fragmentsOf(document);
  const listPath = list.split('.').filter(Boolean);
  if (!listPath.length) throw bad('list must name the list to export, e.g. "organizations"');
  let field: FieldNode | undefined;
  let selectionSet: SelectionSetNode | undefined = operation.selectionSet;
  for (const key of listPath) {
    field = fieldsOf(selectionSet, fragments).find((f) => responseKey(f) === key);
    if (!field) throw bad(`The query selects no ${list}`);
    selectionSet = field.selectionSet;
  }
  const listField = field as FieldNode;
  const edges = fieldsOf(listField.selectionSet, fragments).find((f) => responseKey(f) === 'edges');
  if (!edges) {
    return {
      columns: listField.selectionSet ? columnsOf(listField.selectionSet, fragments) : [[]],
      listPath,
    };
  }
  const node = fieldsOf(edges.selectionSet, fragments).find((f) => responseKey(f) === 'node');
  const pageInfo = fieldsOf(listField.selectionSet, fragments).find(
    (f) => responseKey(f) === 'pageInfo',
  );
  const pageInfoFields = new Set(fieldsOf(pageInfo?.selectionSet, fragments).map(responseKey));
  const after = listField.arguments?.find((a) => a.name.value === 'after');
  if (!node || !pageInfoFields.has('hasNextPage') || !pageInfoFields.has('endCursor'))
    throw bad(`Select ${list} { edges { node { … } } pageInfo { hasNextPage endCursor } }`);
  if (after?.value.kind !== Kind.VARIABLE)
    throw bad(`Give ${list} an after: $after argument, so that the export can page through it`);
  return {
    columns: columnsOf(node.selectionSet, fragments),
    listPath: [...listPath, 'edges'],
    paging: { pageInfoPath: [...listPath, 'pageInfo'], afterVariable: after.value.name.value },
  };
}

/**
 * A result row's value at a column path (`organization.name`): lists of scalars are joined with
 * "; ", lists of objects written as JSON, a missing or null step gives an empty cell.
 */
export function valueAt(row: unknown, column: readonly string[]): unknown {
  let value: unknown = row;
  for (const key of column) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (Array.isArray(value)) {
    return value.every((v) => v === null || typeof v !== 'object')
      ? value.map((v) => (v === null ? '' : String(v))).join('; ')
      : JSON.stringify(value);
  }
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

function at(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined,
    data,
  );
}

export interface Page {
  rows: unknown[];
  /** The cursor of the next page, when the list is a connection with one. */
  next?: string;
}

/** The rows of a list in a query's data (a connection's nodes), and its next page's cursor. */
export function pageOf(plan: ExportPlan, data: unknown): Page {
  const list = at(data, plan.listPath);
  if (!Array.isArray(list)) return { rows: [] };
  const rows = plan.paging ? list.map((edge) => (edge as { node: unknown }).node) : list;
  const pageInfo = plan.paging
    ? (at(data, plan.paging.pageInfoPath) as { hasNextPage?: boolean; endCursor?: string } | null)
    : null;
  return {
    rows,
    next: pageInfo?.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : undefined,
  };
}

/** One page of the list; an answer with any error stops the export (a file never misses data). */
async function runPage(
  server: ApolloServer<GatewayContext>,
  contextValue: GatewayContext,
  request: { query: string; variables: Record<string, unknown>; operationName?: string },
  plan: ExportPlan,
): Promise<Page> {
  const response = await server.executeOperation(request, { contextValue });
  if (response.body.kind !== 'single') throw bad('Incremental delivery cannot be exported');
  const { data, errors } = response.body.singleResult;
  if (errors?.length) {
    const code = String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const status =
      response.http.status ??
      (
        { UNAUTHENTICATED: 401, FORBIDDEN: 403, INTERNAL_SERVER_ERROR: 500 } as Record<
          string,
          number
        >
      )[code] ??
      400;
    throw Object.assign(new ExportError(status, code, errors[0].message), { errors });
  }
  return pageOf(plan, data);
}

async function write(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await once(res, 'drain');
}

function sendError(res: Response, error: unknown): void {
  if (error instanceof GraphQLError) {
    // The context's refusal (UNAUTHENTICATED) carries its status, as on /graphql.
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    res
      .status(status)
      .json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
    return;
  }
  const e =
    error instanceof ExportError
      ? error
      : new ExportError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  if (!(error instanceof ExportError)) console.error(error);
  const errors = (e as ExportError & { errors?: unknown[] }).errors ?? [
    { message: e.message, extensions: { code: e.code } },
  ];
  res.status(e.status).json({ errors });
}

/**
 * The route. The first page is read before anything is sent, so that a bad query or a refused
 * caller gets a JSON error with its status; a failure on a later page ends the connection
 * without the file's end, so that a client never takes a cut file for a whole one.
 */
export function csvExportHandler(
  server: ApolloServer<GatewayContext>,
  contextOf: (req: Request) => Promise<GatewayContext>,
  options: CsvExportOptions,
): RequestHandler {
  return async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    let plan: ExportPlan;
    let contextValue: GatewayContext;
    let page: Page;
    const request = {
      query: typeof body.query === 'string' ? body.query : '',
      variables: { ...((body.variables as Record<string, unknown> | undefined) ?? {}) },
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    };
    try {
      contextValue = await contextOf(req);
      if (!request.query) throw bad('query must be the GraphQL query of the list');
      plan = planExport(request.query, request.operationName, String(body.list ?? ''));
      page = await runPage(server, contextValue, request, plan);
    } catch (error) {
      sendError(res, error);
      return;
    }
    const name = String(body.list).replace(/[^\w.-]/g, '_');
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
    try {
      await write(res, UTF8_BOM + csvLine(plan.columns.map((c) => c.join('.') || name)));
      let rows = 0;
      for (;;) {
        rows += page.rows.length;
        if (rows > options.maxRows)
          throw new Error(`the export passed EXPORT_MAX_ROWS (${options.maxRows}) rows`);
        let text = '';
        for (const row of page.rows)
          text += csvLine(plan.columns.map((c) => (c.length ? valueAt(row, c) : row)));
        await write(res, text);
        if (!page.next || !plan.paging) break;
        request.variables[plan.paging.afterVariable] = page.next;
        page = await runPage(server, contextValue, request, plan);
      }
      res.end();
    } catch (error) {
      console.error(`csv export of ${name} stopped: ${(error as Error).message}`);
      res.destroy();
    }
  };
}
