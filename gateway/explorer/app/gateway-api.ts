// The explorer's calls to its own gateway, all relative to the page's origin (connect-src 'self').
import type { GraphiQLProps } from 'graphiql';
import { authorizationHeader } from './token-store';

export interface ExplorerSettings {
  /** Whether POST /explorer/dev-token exists (outside production, without an identity provider). */
  devTokens: boolean;
  roles: string[];
}

export async function explorerSettings(): Promise<ExplorerSettings> {
  const res = await fetch('/explorer/settings.json');
  return (await res.json()) as ExplorerSettings;
}

type Fetcher = GraphiQLProps['fetcher'];

export function graphqlFetcher(token: string): Fetcher {
  return async (params, options) => {
    // Every operation, introspection included, needs a token: without one, say so instead of
    // collecting the gateway's 401.
    if (!token)
      return { errors: [{ message: '请先粘贴令牌或生成开发令牌 (no bearer token yet)' }] };
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...authorizationHeader(token),
        ...((options?.headers as Record<string, string> | undefined) ?? {}),
      },
      body: JSON.stringify(params),
    });
    return res.json();
  };
}

export async function mintDevToken(role: string, organizationId: string): Promise<string> {
  const res = await fetch('/explorer/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, organizationId: organizationId || undefined }),
  });
  const body = (await res.json()) as { token?: string; errors?: { message: string }[] };
  if (!body.token) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return body.token;
}

/** The id of the organization named exactly `name` (else the first containing it). */
export async function organizationIdByName(
  token: string,
  query: string,
  name: string,
): Promise<string | undefined> {
  const result = (await graphqlFetcher(token)({ query, variables: { n: name } }, {})) as {
    data?: { organizations?: { edges: { node: { id: string; name: string } }[] } };
  };
  const nodes = (result.data?.organizations?.edges ?? []).map((e) => e.node);
  return (nodes.find((n) => n.name === name) ?? nodes[0])?.id;
}

/** Posts the query to /export.csv and hands the answer to the browser as a download. */
export async function downloadCsv(
  token: string,
  request: { query: string; variables: unknown; list: string },
): Promise<void> {
  const res = await fetch('/export.csv', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader(token) },
    body: JSON.stringify(request),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { errors?: { message: string }[] };
    throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${request.list}.csv`;
  link.click();
  // After the click has handed the blob to the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
