// Shared pieces of the rural demo: its input (organizations from the projection), deterministic
// ids and randomness, the demo's wall-clock times and money in fen.
import { Types } from 'mongoose';
import { shanghaiInstant } from '@jiceng/calendar';
import { demoIds } from '@jiceng/demo';
export { between, rng } from '@jiceng/demo';

export interface DemoOrg {
  _id: Types.ObjectId;
  name: string;
  regionCode: string;
}

export interface DemoInput {
  xiongan: DemoOrg;
  /** 安新, 容城, 雄县: 36 villages each, in number order (第一村 … 第三十六村). */
  xionganVillages: DemoOrg[][];
  /** 寿光第一村 … 第八村, paired with 雄安. */
  weifangVillages: DemoOrg[];
  /** 凌河区's six street working committees (街道党工委). */
  lingheStreets: DemoOrg[];
  yunhe: DemoOrg;
  /** 运河区's communities, street by street. */
  yunheCommunities: DemoOrg[][];
}

export const WAN = 1_000_000; // 1万元 in fen
export const DEMO_MODEL = '党组织+龙头企业+合作社+基地+农户';
export const DISTRICT_ADMIN = 'demo-organization-department';
export const LOCAL_ADMIN = 'demo-local-admin';

export const demoId = demoIds('rural');

/** Shanghai wall-clock time on a date, as an instant; the demo's office hour is 10:00. */
export const shanghai = (date: string, hour = 10) => shanghaiInstant(date, hour);

/** `total` fen split into `parts` whole amounts that add up exactly. */
export function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}
