import type { Claims } from '@jiceng/auth';
import type { RequestWithClaims } from './claims.middleware';

/** The context of every subgraph resolver; `claims` were verified by ClaimsMiddleware. */
export interface GraphQLContext {
  claims: Claims;
  req: RequestWithClaims;
}

export function buildContext({ req }: { req: RequestWithClaims }): GraphQLContext {
  // ClaimsMiddleware runs first on the GraphQL route, so claims are always present here.
  return { claims: req.claims as Claims, req };
}
