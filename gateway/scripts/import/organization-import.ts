// `npm run import -- organizations <file.csv>`: party organizations through the graph, in the
// file's order, so that a row may name as parent an organization an earlier row creates. Each
// row is checked with organizationCreationCheck, then created with createOrganization (one
// atomic write); an active organization of that name under that parent is left as it is, so a
// re-run changes nothing. The dry run checks a row whose parent the file creates against that
// parent's own parent: the scope and every rule of the row itself are the same.
import type { GraphRequest } from '../graph-request';
import {
  organizationIds,
  problemsOf,
  readImport,
  type ImportReport,
  type RowProblem,
} from './import-kit';
import {
  organizationColumnLabel,
  organizationColumnOfField,
  organizationRowOf,
  ORGANIZATION_COLUMNS,
  REQUIRED_ORGANIZATION_COLUMNS,
  type OrganizationEnums,
  type OrganizationRow,
} from './organization-rows';

export interface OrganizationImportOptions {
  dryRun: boolean;
  enums: OrganizationEnums;
  onProgress?: (done: number, total: number) => void;
}

const CHECK = `query($input: CreateOrganizationInput!) { organizationCreationCheck(input: $input) { existingOrganizationId } }`;
const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;

export async function importOrganizations(
  bytes: Uint8Array,
  request: GraphRequest,
  options: OrganizationImportOptions,
): Promise<ImportReport> {
  const { rows, report } = readImport(bytes, ORGANIZATION_COLUMNS, REQUIRED_ORGANIZATION_COLUMNS);
  const organizations: OrganizationRow[] = [];
  for (const row of rows) {
    const result = organizationRowOf(row, options.enums);
    if ('problems' in result) report.refused.push(...result.problems);
    else organizations.push(result.organization);
  }
  // Rows the file creates, by name: a later row's parent (the dry run: the id their parent has).
  const created = new Map<string, { id: string | null; parentId: string; line: number }>();
  const existing = await organizationIds(
    request,
    organizations
      .map((o) => o.parent)
      .filter((p) => !organizations.some((o) => o.input.name === p)),
  );
  let done = rows.length - organizations.length;
  const parentColumn = organizationColumnLabel('parent');
  for (const row of organizations) {
    const problems: RowProblem[] = [];
    const fromFile = created.get(row.parent);
    const known = existing.get(row.parent);
    let parentId: string | undefined;
    if (fromFile) parentId = fromFile.id ?? fromFile.parentId;
    else if (typeof known === 'string') parentId = known;
    else
      problems.push({
        line: row.line,
        column: parentColumn,
        message:
          known?.problem ?? `${row.parent} is neither an organization nor an earlier valid row`,
      });
    if (parentId) {
      const input = { ...row.input, parentId };
      const check = await request<{
        organizationCreationCheck: { existingOrganizationId: string | null };
      }>(CHECK, {
        input,
      });
      const existingId = check.data?.organizationCreationCheck.existingOrganizationId;
      if (check.errors?.length)
        problems.push(
          ...problemsOf(row.line, check.errors, organizationColumnOfField, parentColumn),
        );
      else if (existingId && !(fromFile && fromFile.id === null)) {
        report.unchanged++;
        created.set(row.input.name, { id: existingId, parentId, line: row.line });
      } else if (options.dryRun) {
        report.registered++;
        created.set(row.input.name, { id: null, parentId, line: row.line });
      } else {
        const made = await request<{ createOrganization: { id: string } }>(CREATE, { input });
        if (made.errors?.length)
          problems.push(
            ...problemsOf(row.line, made.errors, organizationColumnOfField, parentColumn),
          );
        else {
          report.registered++;
          created.set(row.input.name, {
            id: made.data!.createOrganization.id,
            parentId,
            line: row.line,
          });
        }
      }
    }
    report.refused.push(...problems);
    options.onProgress?.(++done, rows.length);
  }
  report.refused.sort((a, b) => a.line - b.line);
  return report;
}
