import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { canAdminister, type Claims } from '@jiceng/auth';
import { badUserInput } from '@jiceng/graphql';
import type { Caller } from '@jiceng/org-access';
import type { OrgNode } from '@jiceng/org-projection';
import { CommunityAccess } from '../community/community-access';
import {
  countyOf,
  departmentProblem,
  DEPARTMENT_SECTORS,
  GRASSROOTS_SECTORS,
  townshipOf,
} from './whistle-rules';

/** The organizations a problem involves once its requester is known. */
export interface WhistleParties {
  requester: OrgNode;
  township: OrgNode;
  county: OrgNode;
}

type Id = Types.ObjectId | string;

/**
 * 吹哨报到's scope rules on top of the communities': the requester's township and county read off
 * the projection (see whistle-rules), the departments a township may whistle, and who acts on
 * which step. Every actor is an admin of its organization (canAdminister: its ORG_ADMIN, one of
 * an ancestor, or ADMIN), so a department's admin acts on its own report only.
 */
@Injectable()
export class WhistleAccess extends CommunityAccess {
  /** The requester (an active village or community) with its township and county. */
  async parties(requesterId: string, field: string): Promise<WhistleParties> {
    const requester = await this.community(requesterId, field);
    const ancestors = await this.ancestorsOf(requester);
    const township = townshipOf(ancestors);
    if (!township)
      throw badUserInput([
        { field, message: `${requester.name} has no township or street (乡镇/街道) above it` },
      ]);
    const county = countyOf(ancestors.slice(0, ancestors.indexOf(township)));
    if (!county)
      throw badUserInput([
        { field, message: `${township.name} has no district or county (区/县) above it` },
      ]);
    return { requester, township, county };
  }

  /**
   * The departments to whistle: active 机关 or 事业单位 organizations below the county, each
   * refused on its own field (`input.departmentIds.2`).
   */
  async departments(ids: readonly string[], county: OrgNode, field: string): Promise<OrgNode[]> {
    const nodes = new Map(
      (await this.projection.findByIds(ids)).map((n) => [String(n._id), n] as const),
    );
    const problems: { field: string; message: string }[] = [];
    const found: OrgNode[] = [];
    ids.forEach((id, i) => {
      const node = nodes.get(id);
      const problem = !node
        ? 'is not a known organization'
        : node.status !== 'ACTIVE'
          ? `${node.name} is dissolved`
          : departmentProblem(node, county);
      if (problem) problems.push({ field: `${field}.${i}`, message: problem });
      else found.push(node as OrgNode);
    });
    if (problems.length) throw badUserInput(problems);
    return found;
  }

  /** FORBIDDEN unless the caller administers the organization in its role in the problem. */
  requireActor(claims: Claims, orgId: Id, role: 'requester' | 'township' | 'department') {
    return this.require(
      claims,
      orgId,
      canAdminister,
      `Only the admins of the ${role} ${String(orgId)} may take this step`,
    );
  }

  /**
   * A problem is readable within the caller's subtree (its requester, its township above) and by
   * the departments whistled for it: any of its organizations within the caller's record scope.
   */
  async isWhistleReadable(caller: Caller, orgIds: readonly Id[]): Promise<boolean> {
    for (const id of orgIds) if (await this.isReadable(caller, id)) return true;
    return false;
  }

  /** The organization and the villages, townships and departments below it, for its list. */
  whistleOrgsUnder(caller: Caller, rootId: string): Promise<Types.ObjectId[]> {
    return this.readableSubtree(caller, rootId, {
      where: { sector: { $in: [...GRASSROOTS_SECTORS, ...DEPARTMENT_SECTORS] } },
    });
  }

  /** The node's ancestors as the projection knows them, root first. */
  private async ancestorsOf(node: OrgNode): Promise<OrgNode[]> {
    const found = new Map(
      (await this.projection.findByIds(node.ancestorIds.map(String))).map(
        (n) => [String(n._id), n] as const,
      ),
    );
    return node.ancestorIds.flatMap((id) => found.get(String(id)) ?? []);
  }
}
