import type { FieldError } from '@jiceng/graphql';
import type { OrgNode } from '@jiceng/org-projection';
import { MEMBERSHIP_KINDS } from './member.enums';

/** Why a node cannot hold members' membership ([] when it can). */
export function membershipProblems(field: string, node: OrgNode): FieldError[] {
  if (node.status !== 'ACTIVE') return [{ field, message: 'is dissolved' }];
  if (!MEMBERSHIP_KINDS.includes(node.kind))
    return [
      {
        field,
        message: `is a ${node.kind}; membership is held by a branch (${MEMBERSHIP_KINDS.join(', ')})`,
      },
    ];
  return [];
}
