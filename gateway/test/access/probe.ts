import type { Role } from '@jiceng/auth';
import type { GraphQLResult } from '@jiceng/testing';

/**
 * What every probe may aim at. Subtree A is 水月寺街道 (streetA → communityA → gridA), subtree B
 * is 南环中路街道 (streetB → communityB → gridB). ORG_ADMIN, ANALYST and STATION_OPERATOR are
 * scoped to streetA, MEMBER to gridA (its branch) as `self`.
 */
export interface World {
  /** Unique per run: names that must not collide with another run's. */
  run: string;
  /** Organizations by YUNHE_SAMPLE key (province, district, streetA, communityA, gridA, …). */
  org: Record<string, string>;
  /** The MEMBER token's own member, in gridA. */
  self: string;
  /** Another member of gridA: inside every scoped role's subtree, but not the MEMBER's. */
  peer: string;
  /** A member of gridB. */
  stranger: string;
  /** Whatever the probe sets' `setup` created, by name (e.g. `wishA`, `wishB`). */
  ids: Record<string, string>;
}

export type Variables = Record<string, unknown>;

/** One Query or Mutation field as the access suite exercises it. */
export interface Probe {
  /** One operation whose first root field is the field probed (not aliased). */
  document: string;
  /** Variables aimed inside the caller's scope (gridA / communityA; `self` for a member). */
  inside(w: World, role: Role): Variables;
  /**
   * Variables aimed outside it (subtree B; for MEMBER, `peer` where the field is about a member).
   * Omit for a field without a target (a list that filters by scope, see `leaks`).
   */
  outside?(w: World, role: Role): Variables;
  /** For a list without a target: what in an answer to `role` should not be there. */
  leaks?(data: any, w: World, role: Role): string[];
  /** For a masked cell: the personal data that came unmasked. */
  unmasked?(data: any): string[];
  /**
   * Codes that still mean the caller was let through: a mutation that an earlier role already
   * performed answers CONFLICT, say. FORBIDDEN, UNAUTHENTICATED and INTERNAL_SERVER_ERROR never are.
   */
  tolerate?: readonly string[];
}

/** A service's probes, with the fixtures they aim at. */
export interface ProbeSet {
  /** Runs once, as ADMIN, before any probe; puts what it creates into `w.ids`. */
  setup?(w: World, api: AdminApi): Promise<void>;
  probes: Record<string, Probe>;
}

export interface AdminApi {
  /** A request as ADMIN that must succeed; returns its data. */
  admin<T = any>(document: string, variables?: Variables): Promise<T>;
  /** A request with any token; the raw answer. */
  as(token: string, document: string, variables?: Variables): Promise<GraphQLResult>;
  /** The token the suite uses for `role` (scoped as described on World). */
  token(role: Role): string;
  /**
   * Retries `attempt` until it stops throwing (2 min at most): what a service learns from another
   * by events (the organization tree, members) arrives a little later.
   */
  eventually<T>(attempt: () => Promise<T>): Promise<T>;
}

/** The member a member-targeted probe aims at from outside: the peer for MEMBER, else gridB's. */
export const otherMember = (w: World, role: Role) => (role === 'MEMBER' ? w.peer : w.stranger);
