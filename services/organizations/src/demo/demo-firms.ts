import { createHash } from 'node:crypto';
import { CREDIT_CODE_CHARSET, completeCreditCode } from '../firm/credit-code';

// The demo catalogue of firms, apart from their loader so the demo tree can name their branches.

/** One of the 24 general contractors that earned the party-building credit bonus (fictional names). */
export interface DemoFirm {
  name: string;
  /** GB/T 2260 region of the registering authority. */
  registeredIn: string;
  sector: 'SOE' | 'NON_PUBLIC_ENTERPRISE';
}

const FIRM_NAMES: [string, string, DemoFirm['sector']][] = [
  ['冀中建设集团有限公司', '130600', 'SOE'],
  ['燕赵建工集团有限公司', '130100', 'SOE'],
  ['京雄轨道工程有限公司', '110000', 'SOE'],
  ['白洋淀生态建设有限公司', '130632', 'NON_PUBLIC_ENTERPRISE'],
  ['太行路桥工程有限公司', '130100', 'SOE'],
  ['渤海港航建设有限公司', '120000', 'SOE'],
  ['华北市政工程有限公司', '130600', 'NON_PUBLIC_ENTERPRISE'],
  ['津冀安装工程有限公司', '120000', 'NON_PUBLIC_ENTERPRISE'],
  ['雄州城建集团有限公司', '130638', 'SOE'],
  ['容和建筑工程有限公司', '130629', 'NON_PUBLIC_ENTERPRISE'],
  ['大清河水利工程有限公司', '130600', 'SOE'],
  ['易水园林绿化有限公司', '130600', 'NON_PUBLIC_ENTERPRISE'],
  ['拒马河隧道工程有限公司', '130600', 'SOE'],
  ['长城钢结构工程有限公司', '130100', 'NON_PUBLIC_ENTERPRISE'],
  ['北方电力建设有限公司', '110000', 'SOE'],
  ['恒通交通建设有限公司', '130100', 'NON_PUBLIC_ENTERPRISE'],
  ['瑞达幕墙装饰有限公司', '130600', 'NON_PUBLIC_ENTERPRISE'],
  ['兴业地基基础工程有限公司', '130632', 'NON_PUBLIC_ENTERPRISE'],
  ['中原机电安装有限公司', '130100', 'NON_PUBLIC_ENTERPRISE'],
  ['沧海管廊建设有限公司', '130900', 'SOE'],
  ['京南智能建造有限公司', '110000', 'NON_PUBLIC_ENTERPRISE'],
  ['冀东建材工程有限公司', '130200', 'SOE'],
  ['新区综合管廊建设有限公司', '130632', 'SOE'],
  ['保定第三建筑工程有限公司', '130600', 'NON_PUBLIC_ENTERPRISE'],
];

export const DEMO_FIRMS: DemoFirm[] = FIRM_NAMES.map(([name, registeredIn, sector]) => ({
  name,
  registeredIn,
  sector,
}));

/** The firm's own party branch in the 雄安 tree. */
export const firmBranchName = (firm: DemoFirm) => `${firm.name}党支部`;

/** A valid, deterministic code: 9 (market regulation) 1 (enterprise), the region, "MA" + 6 characters. */
export function demoCreditCode(firm: DemoFirm): string {
  const digest = createHash('sha256').update(`jiceng-demo-firm:${firm.name}`).digest();
  const body = [...digest.subarray(0, 6)]
    .map((byte) => CREDIT_CODE_CHARSET[byte % CREDIT_CODE_CHARSET.length])
    .join('');
  return completeCreditCode(`91${firm.registeredIn}MA${body}`);
}
