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
