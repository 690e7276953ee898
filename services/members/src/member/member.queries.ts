import type { QueryFilter } from 'mongoose';
import { shanghaiToday } from '@jiceng/calendar';
import { birthDateRange } from './age';
import type { MemberFilter } from './dto/member.inputs';
import type { Member } from './member.schema';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Conditions joined with $and, so two conditions on one field never overwrite each other. */
export function allOf(...filters: QueryFilter<Member>[]): QueryFilter<Member> {
  const parts = filters.filter((f) => Object.keys(f).length > 0);
  return parts.length <= 1 ? (parts[0] ?? {}) : { $and: parts };
}

/** Every status but LEFT unless the filter names statuses. */
export function filterQuery(filter: MemberFilter | undefined, now = new Date()) {
  const query: QueryFilter<Member> = {
    status: filter?.statuses?.length ? { $in: filter.statuses } : { $ne: 'LEFT' },
  };
  if (filter?.gender) query.gender = filter.gender;
  if (filter?.ageBand) query.birthDate = birthDateRange(filter.ageBand, shanghaiToday(now));
  if (filter?.inService !== undefined && filter.inService !== null)
    query.inService = filter.inService;
  if (filter?.floating !== undefined && filter.floating !== null)
    query.floating = { $exists: filter.floating };
  if (filter?.tag) query.tags = filter.tag;
  if (filter?.nameContains) query.name = { $regex: escapeRegex(filter.nameContains) };
  return query;
}
