// The organization list a county organization department keeps, one party organization a row,
// as CreateOrganizationInput: columns with their Chinese and English headers, and the labels of
// the enums (read from the schema). The creation's rules are the organizations service's, asked
// through organizationCreationCheck.
import type { CsvRow } from '@jiceng/csv';
import type { RowProblem } from './import-kit';

export const ORGANIZATION_COLUMNS = {
  name: ['组织名称', '党组织名称', 'name'],
  parent: ['上级党组织', '上级组织', 'parent'],
  kind: ['组织类别', '组织形式', 'kind'],
  sector: ['所属领域', '领域', 'sector'],
  regionCode: ['行政区划代码', '区划代码', 'regionCode'],
} as const satisfies Record<string, readonly string[]>;

export type OrganizationColumn = keyof typeof ORGANIZATION_COLUMNS;
export const REQUIRED_ORGANIZATION_COLUMNS: readonly OrganizationColumn[] = [
  'name',
  'parent',
  'kind',
  'sector',
  'regionCode',
];

export const organizationColumnLabel = (column: OrganizationColumn) =>
  ORGANIZATION_COLUMNS[column][0];

export interface OrganizationRow {
  line: number;
  input: { name: string; kind: string; sector: string; regionCode: string };
  /** The parent: an organization's exact name or id, or the name of an earlier row. */
  parent: string;
}

/** Enum values and their Chinese labels → the value, per enum. */
export interface OrganizationEnums {
  kinds: ReadonlyMap<string, string>;
  sectors: ReadonlyMap<string, string>;
}

export function organizationRowOf(
  row: CsvRow,
  enums: OrganizationEnums,
): { organization: OrganizationRow } | { problems: RowProblem[] } {
  const v = row.values;
  const problems: RowProblem[] = [];
  const problem = (column: OrganizationColumn, message: string) =>
    problems.push({ line: row.line, column: organizationColumnLabel(column), message });
  for (const column of REQUIRED_ORGANIZATION_COLUMNS) if (!v[column]) problem(column, 'is empty');
  const kind = v.kind ? enums.kinds.get(v.kind) : undefined;
  if (v.kind && !kind) problem('kind', `${v.kind} is no organization kind (组织类别)`);
  const sector = v.sector ? enums.sectors.get(v.sector) : undefined;
  if (v.sector && !sector) problem('sector', `${v.sector} is no sector (所属领域)`);
  if (problems.length) return { problems };
  return {
    organization: {
      line: row.line,
      input: { name: v.name, kind: kind!, sector: sector!, regionCode: v.regionCode },
      parent: v.parent,
    },
  };
}

/** The CSV column a CreateOrganizationInput field came from, for the service's field errors. */
export function organizationColumnOfField(field: string): string {
  const key = field.replace(/^input\./, '').split('.')[0];
  const column = key === 'parentId' ? 'parent' : key;
  return column in ORGANIZATION_COLUMNS
    ? organizationColumnLabel(column as OrganizationColumn)
    : field;
}
