// The member roster a county organization department keeps, one member a row, as
// RegisterMemberInput: the columns, their Chinese and English headers, and the checks of form
// the file itself can fail (dates, labels). Every rule of a registration is the members
// service's, asked through memberRegistrationCheck: nothing of it is repeated here.
import type { CsvRow } from '@jiceng/csv';
import type { RowProblem } from './import-kit';

export const MEMBER_COLUMNS = {
  name: ['姓名', 'name'],
  idNumber: ['公民身份号码', '身份证号码', '身份证号', 'idNumber'],
  organization: ['所在党支部', '所在党组织', '党组织', 'organization'],
  status: ['人员类别', '党员状态', '状态', 'status'],
  statusSince: ['状态起始日期', '起始日期', 'statusSince'],
  phone: ['手机号码', '联系电话', 'phone'],
  employer: ['工作单位', 'employer'],
  occupation: ['职业', 'occupation'],
  tags: ['标签', 'tags'],
  inService: ['是否在职', '在职', 'inService'],
  unitOrganization: ['单位党组织', 'unitOrganization'],
} as const satisfies Record<string, readonly string[]>;

export type MemberColumn = keyof typeof MEMBER_COLUMNS;
export const REQUIRED_MEMBER_COLUMNS: readonly MemberColumn[] = [
  'name',
  'idNumber',
  'organization',
  'statusSince',
];

export interface MemberRow {
  line: number;
  input: Record<string, unknown>;
  /** Organization references (names or ids) the input still needs resolved, by input field. */
  organizations: Partial<Record<'organizationId' | 'unitOrganizationId', string>>;
}

const YES = new Set(['是', '在职', 'true', 'yes', 'y', '1']);
const NO = new Set(['否', '不在职', 'false', 'no', 'n', '0', '']);

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日: the day's start in Asia/Shanghai. */
export function dayStart(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00+08:00`;
}

export const columnLabel = (column: MemberColumn) => MEMBER_COLUMNS[column][0];

/**
 * A row as a registration, or the problems of its form. `statuses` maps each MemberStatus value
 * and its Chinese label (from the schema) to the value.
 */
export function memberRowOf(
  row: CsvRow,
  statuses: ReadonlyMap<string, string>,
): { member: MemberRow } | { problems: RowProblem[] } {
  const v = row.values;
  const problems: RowProblem[] = [];
  const problem = (column: MemberColumn, message: string) =>
    problems.push({ line: row.line, column: columnLabel(column), message });
  for (const column of REQUIRED_MEMBER_COLUMNS) if (!v[column]) problem(column, 'is empty');
  const statusSince = v.statusSince ? dayStart(v.statusSince) : null;
  if (v.statusSince && !statusSince)
    problem('statusSince', `${v.statusSince} is not a date (YYYY-MM-DD)`);
  const status = v.status ? statuses.get(v.status) : undefined;
  if (v.status && !status)
    problem(
      'status',
      `${v.status} is none of ${[...new Set(statuses.values())].join(', ')} or their labels`,
    );
  const inService = (v.inService ?? '').toLowerCase();
  if (!YES.has(inService) && !NO.has(inService))
    problem('inService', `${v.inService} is neither 是 nor 否`);
  if (problems.length) return { problems };
  const tags = (v.tags ?? '')
    .split(/[;；、]/)
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    member: {
      line: row.line,
      input: {
        name: v.name,
        idNumber: v.idNumber,
        statusSince,
        ...(status && { status }),
        ...(v.phone && { phone: v.phone }),
        ...(v.employer && { employer: v.employer }),
        ...(v.occupation && { occupation: v.occupation }),
        ...(tags.length && { tags }),
        ...(YES.has(inService) && { inService: true }),
      },
      organizations: {
        organizationId: v.organization,
        ...(v.unitOrganization && { unitOrganizationId: v.unitOrganization }),
      },
    },
  };
}

/** The CSV column a RegisterMemberInput field came from, for the service's field errors. */
export function columnOfField(field: string): string {
  const key = field.replace(/^input\./, '').split('.')[0];
  const column =
    (
      {
        organizationId: 'organization',
        unitOrganizationId: 'unitOrganization',
        birthDate: 'idNumber',
        gender: 'idNumber',
      } as Record<string, MemberColumn>
    )[key] ?? (key in MEMBER_COLUMNS ? (key as MemberColumn) : undefined);
  return column ? columnLabel(column) : field;
}
