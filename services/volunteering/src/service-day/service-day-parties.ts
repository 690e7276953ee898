import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { badUserInput, type FieldError } from '@jiceng/graphql';
import type { OrgNode } from '@jiceng/org-projection';
import { CommunityAccess } from '../community/community-access';
import type { StallInput } from './dto/service-day.inputs';
import { HelpTeamService } from './help-team.service';
import { unitProblem } from './service-day-branch';
import { STALL_KIND_LABELS } from './service-day.enums';
import type { Stall } from './service-day.schema';

const oid = (id: string | undefined | null) => (id ? new Types.ObjectId(id) : null);

/** Who may run a stall or sign for a day: units of the branch's county, 帮帮团 of its community. */
@Injectable()
export class ServiceDayParties {
  constructor(
    private readonly access: CommunityAccess,
    private readonly teams: HelpTeamService,
  ) {}

  /** The stalls of a plan: each run by exactly one unit of the county or one 帮帮团 of the community. */
  async stalls(
    inputs: readonly StallInput[],
    branch: OrgNode,
    communityId: Types.ObjectId | null,
    errors: FieldError[],
  ): Promise<Stall[]> {
    const stalls: Stall[] = [];
    for (const [i, s] of inputs.entries()) {
      const at = `input.stalls.${i}`;
      if (!!s.unitId === !!s.helpTeamId) {
        errors.push({ field: at, message: 'must name exactly one of unitId and helpTeamId' });
        continue;
      }
      try {
        if (s.unitId)
          await this.access.organization(s.unitId, `${at}.unitId`, (u) => unitProblem(u, branch));
        if (s.helpTeamId) await this.helpTeam(s.helpTeamId, communityId, `${at}.helpTeamId`);
      } catch (error) {
        const fields = (error as { extensions?: { fields?: FieldError[] } }).extensions?.fields;
        if (!fields) throw error;
        errors.push(...fields);
        continue;
      }
      stalls.push({
        _id: new Types.ObjectId(),
        kind: s.kind,
        title: s.title ?? STALL_KIND_LABELS[s.kind],
        unitId: oid(s.unitId),
        helpTeamId: oid(s.helpTeamId),
      });
    }
    return stalls;
  }

  async helpTeam(id: string, communityId: Types.ObjectId | null, field: string) {
    const team = await this.teams.find(id);
    if (!team) throw badUserInput([{ field, message: 'is not a known help team (帮帮团)' }]);
    if (!communityId || String(team.communityId) !== String(communityId))
      throw badUserInput([{ field, message: `is ${team.name}, a help team of another community` }]);
    return team;
  }
}
