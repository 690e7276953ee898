// `npm run import -- members <file.csv>`: a member roster through the graph, row by row, as the
// caller (its token's role and subtree). Each row is checked with memberRegistrationCheck, the
// members service's own rules, then registered with registerMember: one atomic write a row, so a
// row is either in whole or not at all. A member whose ID number is registered already is left
// as it is, so a re-run changes nothing. The dry run stops after the checks.
import {
  columnLabel,
  columnOfField,
  memberRowOf,
  MEMBER_COLUMNS,
  REQUIRED_MEMBER_COLUMNS,
  type MemberRow,
} from './member-rows';
import type { GraphRequest } from '../graph-request';
import {
  eachLimited,
  organizationIds,
  problemsOf,
  readImport,
  type ImportReport,
  type RowProblem,
} from './import-kit';

export interface MemberImportOptions {
  dryRun: boolean;
  /** Rows checked or written at once (each is its own request). */
  concurrency: number;
  /** MemberStatus values and their Chinese labels → the value. */
  statuses: ReadonlyMap<string, string>;
  onProgress?: (done: number, total: number) => void;
}

const CHECK = `query($input: RegisterMemberInput!) { memberRegistrationCheck(input: $input) { alreadyRegistered } }`;
const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;

export async function importMembers(
  bytes: Uint8Array,
  request: GraphRequest,
  options: MemberImportOptions,
): Promise<ImportReport> {
  const { rows, report } = readImport(bytes, MEMBER_COLUMNS, REQUIRED_MEMBER_COLUMNS);
  const members: MemberRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const result = memberRowOf(row, options.statuses);
    if ('problems' in result) {
      report.refused.push(...result.problems);
      continue;
    }
    // Two rows of one person: the second would find the first registered and be dropped silently.
    const idNumber = String(result.member.input.idNumber).toUpperCase();
    const first = firstLineOf.get(idNumber);
    if (first !== undefined) {
      report.refused.push({
        line: row.line,
        column: columnLabel('idNumber'),
        message: `is on line ${first} too`,
      });
      continue;
    }
    firstLineOf.set(idNumber, row.line);
    members.push(result.member);
  }
  const ids = await organizationIds(
    request,
    members.flatMap((m) => Object.values(m.organizations) as string[]),
  );
  let done = rows.length - members.length;
  options.onProgress?.(done, rows.length);
  await eachLimited(members, options.concurrency, async (member) => {
    const problems: RowProblem[] = [];
    const input = { ...member.input };
    for (const [field, reference] of Object.entries(member.organizations)) {
      const id = ids.get(reference as string);
      if (typeof id === 'string') input[field] = id;
      else
        problems.push({
          line: member.line,
          column: columnOfField(field),
          message: id?.problem ?? 'is unknown',
        });
    }
    if (!problems.length) {
      const check = await request<{ memberRegistrationCheck: { alreadyRegistered: boolean } }>(
        CHECK,
        { input },
      );
      if (check.errors?.length)
        problems.push(
          ...problemsOf(member.line, check.errors, columnOfField, columnLabel('organization')),
        );
      else if (check.data?.memberRegistrationCheck.alreadyRegistered) report.unchanged++;
      else if (options.dryRun) report.registered++;
      else {
        const written = await request(REGISTER, { input });
        if (written.errors?.length)
          problems.push(
            ...problemsOf(member.line, written.errors, columnOfField, columnLabel('organization')),
          );
        else report.registered++;
      }
    }
    report.refused.push(...problems);
    options.onProgress?.(++done, rows.length);
  });
  report.refused.sort((a, b) => a.line - b.line);
  return report;
}
