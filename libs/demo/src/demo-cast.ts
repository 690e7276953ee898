import type { Types } from 'mongoose';
import { chineseNumeral } from './chinese-numerals';
import { demoIds } from './demo-kit';

// The demo members other services' demos refer to by id, which they cannot learn from the members
// topic because they are needed as fixed ids (the rural demo's 明白纸 and 书记项目 name their
// cadres). The members demo creates exactly these members with these ids, on 凌河区's street
// working committees; the rural demo refers to them. One list, so neither side invents an id the
// other does not know (a reference to a member that does not exist resolves to null).

export type DemoCadreRole = 'STREET_SECRETARY' | 'SECRETARY' | 'DIRECTOR' | 'COMMITTEE_MEMBER';

export interface DemoCadre {
  /** The member's id in the members service. */
  id: Types.ObjectId;
  /** 凌河区第(street + 1)街道党工委, whose membership the cadre holds. */
  street: number;
  role: DemoCadreRole;
}

export const LINGHE_STREETS = 6;
/** 凌河区's street working committees as the organizations demo names them (第一 … 第六). */
export const lingheStreetName = (street: number) =>
  `凌河区第${chineseNumeral(street + 1)}街道党工委`;

const memberId = demoIds('members');
// "指导396名农村干部逐人填报…明白纸": a secretary and a director for each of 62 villages, the rest
// 两委 members; cadre i serves on street i mod 6.
const CADRE_ROLES: [DemoCadreRole, number][] = [
  ['SECRETARY', 62],
  ['DIRECTOR', 62],
  ['COMMITTEE_MEMBER', 272],
];

/** Each street committee's secretary (书记项目 are theirs), street by street. */
export const lingheStreetSecretaries = (): DemoCadre[] =>
  Array.from({ length: LINGHE_STREETS }, (_, street) => ({
    id: memberId(`linghe/street-secretary/${street}`),
    street,
    role: 'STREET_SECRETARY',
  }));

/** The 396 rural cadres who file commitment sheets (明白纸), in sheet order. */
export const lingheCadres = (): DemoCadre[] =>
  CADRE_ROLES.flatMap(([role, n]) => Array<DemoCadreRole>(n).fill(role)).map((role, i) => ({
    id: memberId(`linghe/cadre/${i}`),
    street: i % LINGHE_STREETS,
    role,
  }));

/** Every member of the cast, for the members demo to create. */
export const demoCast = (): DemoCadre[] => [...lingheStreetSecretaries(), ...lingheCadres()];
