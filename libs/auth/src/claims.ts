export const ROLES = [
  'ADMIN',
  'ORG_ADMIN',
  'MEMBER',
  'ANALYST',
  'STATION_OPERATOR',
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '平台管理员',
  ORG_ADMIN: '党组织管理员',
  MEMBER: '党员',
  ANALYST: '数据分析员',
  STATION_OPERATOR: '驿站管理员',
  AUDITOR: '审计员',
};

/** The verified identity of a caller, as the gateway forwards it to subgraphs. */
export interface Claims {
  sub: string;
  role: Role;
  /** The organization whose subtree the caller is scoped to (every role but ADMIN and AUDITOR). */
  orgId?: string;
  memberId?: string;
  /** Expiry, seconds since the epoch, copied from the token. */
  exp: number;
}

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Checks the shape of claims from any source; throws AuthError naming what is wrong. */
export function assertClaims(value: unknown): Claims {
  if (typeof value !== 'object' || value === null) throw new AuthError('claims must be an object');
  const c = value as Record<string, unknown>;
  if (typeof c.sub !== 'string' || !c.sub) throw new AuthError('claims.sub is required');
  if (!ROLES.includes(c.role as Role))
    throw new AuthError(`claims.role must be one of ${ROLES.join(', ')}`);
  if (typeof c.exp !== 'number') throw new AuthError('claims.exp is required');
  if (c.orgId !== undefined && (typeof c.orgId !== 'string' || !OBJECT_ID.test(c.orgId))) {
    throw new AuthError('claims.orgId must be an organization id');
  }
  if (c.memberId !== undefined && typeof c.memberId !== 'string')
    throw new AuthError('claims.memberId must be a string');
  const role = c.role as Role;
  if (role !== 'ADMIN' && role !== 'AUDITOR' && c.orgId === undefined) {
    throw new AuthError(`claims.orgId is required for role ${role}`);
  }
  return {
    sub: c.sub,
    role,
    orgId: c.orgId as string | undefined,
    memberId: c.memberId as string | undefined,
    exp: c.exp,
  };
}
