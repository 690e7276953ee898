import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { badUserInput, pageSize, type Connection, type PageArgs } from '@jiceng/graphql';
import { MEMBER_MODEL, MEMBER_PROJECTION, type Member } from '../member/member.schema';
import { homeRoster } from './contribution';
import { ROSTER_MODEL, type MemberRoster } from './read-model.schema';
import type { Totals } from './member-counters';

// Organizations per roster read, and member ids per `_id: {$in}` read beyond the page itself.
const ORGS_PER_READ = 50;
const SLACK = 2;

interface Position {
  org: string;
  member: string;
}

const encode = (p: Position) => Buffer.from(`o:${p.org}:${p.member}`).toString('base64url');

function decode(cursor: string): Position {
  const [tag, org, member] = Buffer.from(cursor, 'base64url').toString().split(':');
  const valid = (id: string | undefined) => !!id && id.length === 24 && Types.ObjectId.isValid(id);
  if (tag !== 'o' || !valid(org) || !valid(member))
    throw badUserInput([{ field: 'after', message: 'is not a cursor returned by this API' }]);
  return { org, member };
}

/**
 * Pages of the members held in a set of organizations, in (organization id, member id) order,
 * without a sort or a count over the members collection. The organizations' counters say which
 * of them hold anyone; their rosters list the ids; the members are read by `_id: {$in}` with the
 * caller's filter, so a page of 100 costs a few reads of about a page's size. A roster entry is
 * only a candidate: the member document decides (a member just transferred away is skipped).
 * On MongoDB the same reads are `_id` lookups too; no compound index is needed for this path.
 */
@Injectable()
export class MemberPager {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly members: Model<Member>,
    @InjectModel(ROSTER_MODEL) private readonly rosters: Model<MemberRoster>,
  ) {}

  async page(
    organizationIds: readonly (Types.ObjectId | string)[],
    perOrganization: Map<string, Totals>,
    filter: QueryFilter<Member>,
    args: PageArgs,
    totalCount: () => Promise<number>,
  ): Promise<Connection<Member>> {
    const size = pageSize(args.first);
    const after = args.after ? decode(args.after) : null;
    // Organizations holding anyone (any status), in id order, from the cursor's one on.
    const orgs = organizationIds
      .map(String)
      .filter((id) => sumHeld(perOrganization.get(id)) > 0 && (!after || id >= after.org))
      .sort();
    const found: { org: string; member: Member }[] = [];
    for (let i = 0; i < orgs.length && found.length <= size;) {
      const chunk: string[] = [];
      let candidates = 0;
      while (i < orgs.length && chunk.length < ORGS_PER_READ && candidates <= size) {
        candidates += sumHeld(perOrganization.get(orgs[i]));
        chunk.push(orgs[i++]);
      }
      const ordered = await this.candidates(chunk, after);
      for (let k = 0; k < ordered.length && found.length <= size;) {
        const slice = ordered.slice(k, k + (size + 1) * SLACK);
        k += slice.length;
        const docs = await this.members
          .find({ _id: { $in: slice.map((c) => c.id) }, $and: [filter] }, MEMBER_PROJECTION)
          .lean<Member[]>();
        const byId = new Map(docs.map((d) => [String(d._id), d]));
        for (const { org, id } of slice) {
          const member = byId.get(String(id));
          if (member && String(member.organizationId) === org) found.push({ org, member });
          if (found.length > size) break;
        }
      }
    }
    const page = found.slice(0, size);
    const last = page[page.length - 1];
    return {
      edges: page.map(({ org, member }) => ({
        cursor: encode({ org, member: String(member._id) }),
        node: member,
      })),
      pageInfo: {
        hasNextPage: found.length > size,
        endCursor: last ? encode({ org: last.org, member: String(last.member._id) }) : null,
      },
      totalCount,
    };
  }

  /** Every member id listed in the organizations (in order), for counts the counters lack. */
  async idsIn(organizationIds: readonly string[]): Promise<Types.ObjectId[]> {
    return (await this.candidates([...organizationIds].sort(), null)).map((c) => c.id);
  }

  /** The roster ids of the organizations in (organization, id) order, after the cursor. */
  private async candidates(orgs: string[], after: Position | null) {
    const rosters = await this.rosters
      .find({ _id: { $in: orgs.map(homeRoster) } })
      .lean<MemberRoster[]>();
    const idsOf = new Map(rosters.map((r) => [r._id, r.ids]));
    return orgs.flatMap((org) =>
      (idsOf.get(homeRoster(org)) ?? [])
        .map((id) => ({ org, id }))
        .filter(({ id }) => !after || org > after.org || String(id) > after.member)
        .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)),
    );
  }
}

function sumHeld(totals: Totals | undefined): number {
  let n = 0;
  for (const [key, count] of totals ?? []) if (key.startsWith('s.')) n += count;
  return n;
}
