import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { visibleOrNull, type Claims } from '@jiceng/auth';
import { badUserInput, forbidden, notFound, type Connection, type PageArgs } from '@jiceng/graphql';
import { OrgListLoader } from '@jiceng/org-access';
import { OrgProjectionService, type OrgNode } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { updateOrConflict } from '@jiceng/workflow';
import { CommunityAccess } from '../community/community-access';
import { isCommunity } from '../community/community-scope';
import type { CreateHelpTeamInput, UpdateHelpTeamInput } from './dto/help-team.inputs';
import { HELP_TEAM_MODEL, type HelpTeam } from './help-team.schema';
import { isServiceDayBranch } from './service-day-branch';

/**
 * 帮帮团: teams of a community or of a grid or compound below it, managed by the community's
 * admins. Organization.helpTeams is batched (OrgListLoader): a community keeps a few dozen.
 */
@Injectable()
export class HelpTeamService {
  private readonly lists: OrgListLoader<HelpTeam, null>;

  constructor(
    @InjectModel(HELP_TEAM_MODEL) private readonly model: Model<HelpTeam>,
    private readonly access: CommunityAccess,
    private readonly projection: OrgProjectionService,
  ) {
    this.lists = new OrgListLoader(access, {
      fetch: (orgIds) =>
        this.model
          .find({ organizationId: { $in: orgIds } })
          .sort({ _id: 1 })
          .lean<HelpTeam[]>()
          .exec(),
      owners: (team) => [team.organizationId],
    });
  }

  find(id: string): Promise<HelpTeam | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<HelpTeam>().exec()
      : Promise.resolve(null);
  }

  findByIds(ids: readonly Types.ObjectId[]): Promise<HelpTeam[]> {
    return this.model
      .find({ _id: { $in: ids } })
      .lean<HelpTeam[]>()
      .exec();
  }

  async getReadable(id: string, claims: Claims): Promise<HelpTeam | null> {
    if (claims.role === 'MEMBER') throw forbidden('A member reads no help teams');
    return visibleOrNull(await this.find(id), (team) =>
      this.access.isReadable(claims, team.organizationId),
    );
  }

  /** Organization.helpTeams: the organization's teams and those below it. */
  async ofOrganization(
    ctx: GraphQLContext,
    orgId: string,
    page: PageArgs,
  ): Promise<Connection<HelpTeam>> {
    await this.access.requireReadable(ctx, orgId);
    return this.lists.load(ctx, { orgId, subtree: true, filter: null, page });
  }

  async create(input: CreateHelpTeamInput, claims: Claims): Promise<HelpTeam> {
    const org = await this.access.organization(input.organizationId, 'input.organizationId', (n) =>
      isCommunity(n) || isServiceDayBranch(n)
        ? undefined
        : `is ${n.name}, not a community (社区), grid (网格) or compound (小区) organization`,
    );
    const communityId = await this.communityOf(org, 'input.organizationId');
    await this.access.requireAdmin(claims, communityId);
    const now = new Date();
    const team: HelpTeam = {
      _id: new Types.ObjectId(),
      organizationId: org._id,
      communityId,
      name: input.name,
      memberIds: this.memberIds(input.memberIds, 'input.memberIds'),
      gridWorkers: input.gridWorkers,
      residents: input.residents,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.model.create(team);
    return team;
  }

  async update(input: UpdateHelpTeamInput, claims: Claims): Promise<HelpTeam> {
    const team = await this.manageable(input.id, claims);
    const set: Partial<HelpTeam> = { updatedAt: new Date() };
    if (input.name !== undefined) set.name = input.name;
    if (input.memberIds) set.memberIds = this.memberIds(input.memberIds, 'input.memberIds');
    if (input.gridWorkers) set.gridWorkers = input.gridWorkers;
    if (input.residents) set.residents = input.residents;
    await updateOrConflict(
      this.model,
      { _id: team._id, version: input.version },
      { $set: set, $inc: { version: 1 } },
      `Help team ${input.id} is at version ${team.version}, not ${input.version}; read it again`,
    );
    return (await this.find(input.id)) as HelpTeam;
  }

  /** Past service days keep the team's id on their stalls and agreements. */
  async delete(id: string, claims: Claims): Promise<boolean> {
    const team = await this.manageable(id, claims);
    await this.model.deleteOne({ _id: team._id });
    return true;
  }

  /** The community (社区/村) an organization is or lies under; BAD_USER_INPUT on `field` if none. */
  async communityOf(node: OrgNode, field: string): Promise<Types.ObjectId> {
    const community = await this.communityAbove(node);
    if (!community)
      throw badUserInput([{ field, message: `${node.name} lies under no community (社区)` }]);
    return community;
  }

  /** The organization itself when it is a community, else the nearest community above it. */
  async communityAbove(node: OrgNode): Promise<Types.ObjectId | null> {
    if (isCommunity(node)) return node._id;
    const ancestors = await this.projection.findByIds(node.ancestorIds.map(String));
    const byId = new Map(ancestors.map((a) => [String(a._id), a]));
    const community = [...node.ancestorIds]
      .reverse()
      .map((a) => byId.get(String(a)))
      .find((a) => a && isCommunity(a));
    return community?._id ?? null;
  }

  private async manageable(id: string, claims: Claims): Promise<HelpTeam> {
    // Only admins manage teams: any other role is refused before the lookup, whatever the id.
    if (claims.role !== 'ADMIN' && claims.role !== 'ORG_ADMIN')
      throw forbidden('Only the admins of the community manage its help teams');
    const team = await this.find(id);
    if (!team) throw notFound('Help team', id);
    await this.access.requireAdmin(claims, team.communityId);
    return team;
  }

  private memberIds(ids: readonly string[], field: string): Types.ObjectId[] {
    const unique = [...new Set(ids)];
    if (unique.length !== ids.length)
      throw badUserInput([{ field, message: 'lists a member twice' }]);
    return unique.map((m) => new Types.ObjectId(m));
  }
}
