import request from 'supertest';
import { jwtSecretFromEnv, mintToken, type TokenRequest } from '@jiceng/auth';

export function tokenFor(role: TokenRequest['role'], orgId?: string, memberId?: string): string {
  return mintToken(
    { sub: `test-${role.toLowerCase()}`, role, orgId, memberId },
    jwtSecretFromEnv(),
  );
}

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/** Sends one GraphQL operation with supertest to `baseUrl`/graphql. */
export async function gql<T = any>(
  baseUrl: string,
  token: string | null,
  query: string,
  variables?: object,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const req = request(baseUrl)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set(headers);
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body.data, errors: res.body.errors };
}

/** The data of a result without errors; a result with errors fails the test, showing them. */
export function dataOf<T = any>(res: GraphQLResult<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

/** The first error's `extensions.code`. */
export const errorCode = (res: GraphQLResult): string | undefined =>
  res.errors?.[0]?.extensions?.code;

/** The field paths the first error names (BAD_USER_INPUT), sorted. */
export const errorFields = (res: GraphQLResult): string[] =>
  (res.errors?.[0]?.extensions?.fields ?? []).map((f: { field: string }) => f.field).sort();

/** How many Mongo commands of a kind an app has run, from its /metrics. */
export async function mongoCommands(app: { baseUrl: string }, command = 'find'): Promise<number> {
  const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
  const count = new RegExp(`jiceng_mongo_commands_total\\{command="${command}"\\} (\\d+)`);
  return Number(count.exec(text)?.[1] ?? 0);
}
