import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gql, testIdNumber, tokenFor, withSubgraphStack, YUNHE_SAMPLE } from '@jiceng/testing';
import type { GraphRequest } from '../scripts/graph-request';
import { importMembers } from '../scripts/import/member-import';
import { importOrganizations } from '../scripts/import/organization-import';

// A county's roster into the members service through the real gateway, as `npm run import`
// does it: the GB18030 file Excel writes, every bad row reported with its line, column and
// reason (the form's checks here, the registration's rules from the service), nothing written
// by the dry run, each good row registered once, and a re-run that changes nothing.

const ROSTER = readFileSync(resolve(__dirname, 'fixtures/roster-gb18030.csv'));
const STATUSES = new Map([
  ['APPLICANT', 'APPLICANT'],
  ['入党申请人', 'APPLICANT'],
  ['PROBATIONARY', 'PROBATIONARY'],
  ['预备党员', 'PROBATIONARY'],
  ['FULL', 'FULL'],
  ['正式党员', 'FULL'],
]);
const REFUSED = [
  { line: 5, column: '状态起始日期', message: '2024-13-01 is not a date (YYYY-MM-DD)' },
  { line: 6, column: '人员类别', message: expect.stringMatching(/^党员 is none of/) },
  { line: 7, column: '公民身份号码', message: expect.any(String) },
  { line: 8, column: '所在党支部', message: 'no organization named 不存在的支部 in your scope' },
  { line: 9, column: '公民身份号码', message: 'is on line 2 too' },
  {
    line: 10,
    column: '所在党支部',
    message: 'no organization named 彩虹第一网格党支部 in your scope',
  },
];

describe('CSV import of a member roster', () => {
  const stack = withSubgraphStack({
    tag: 'csvi',
    services: ['organizations', 'members'],
    tree: YUNHE_SAMPLE,
  });
  // An ORG_ADMIN of 水月寺街道: its grid is in scope, 南环中路街道's is not.
  const token = () => tokenFor('ORG_ADMIN', stack.org.streetA);
  const request: GraphRequest = async (query, variables) => {
    const res = await gql(stack.gateway.baseUrl, token(), query, variables);
    return { data: res.data, errors: res.errors };
  };
  const members = async () =>
    (
      await gql(
        stack.gateway.baseUrl,
        stack.adminToken,
        'query($o: ID!) { organization(id: $o) { members(first: 20) { totalCount edges { node { name idNumber status tags inService } } } } }',
        {
          o: stack.org.gridA,
        },
      )
    ).data.organization.members;
  const run = (dryRun: boolean) =>
    importMembers(ROSTER, request, { dryRun, concurrency: 3, statuses: STATUSES });

  it('dry run: reports every bad row and writes nothing', async () => {
    const report = await run(true);
    expect(report).toEqual({
      encoding: 'gb18030',
      rows: 9,
      registered: 3,
      unchanged: 0,
      refused: REFUSED,
    });
    expect((await members()).totalCount).toBe(0);
  });

  it('registers each good row once, and a re-run changes nothing', async () => {
    expect(await run(false)).toEqual({
      encoding: 'gb18030',
      rows: 9,
      registered: 3,
      unchanged: 0,
      refused: REFUSED,
    });
    const after = await members();
    expect(after.totalCount).toBe(3);
    expect(after.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([
        {
          name: '张伟',
          idNumber: testIdNumber(801),
          status: 'FULL',
          tags: ['志愿者', '退役军人'],
          inService: true,
        },
        expect.objectContaining({ name: '李娜', status: 'PROBATIONARY', inService: false }),
        expect.objectContaining({ name: '王强', status: 'APPLICANT' }),
      ]),
    );
    expect(await run(false)).toEqual({
      encoding: 'gb18030',
      rows: 9,
      registered: 0,
      unchanged: 3,
      refused: REFUSED,
    });
    expect((await members()).totalCount).toBe(3);
  });

  it('runs as `npm run import` does: the CLI over a UTF-8 file with a BOM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiceng-import-'));
    const file = join(dir, 'roster.csv');
    writeFileSync(
      file,
      `\uFEFF姓名,身份证号,所在党支部,人员类别,状态起始日期\r\n冯晨,${testIdNumber(811)},朝阳第一网格党支部,正式党员,2016-07-01\r\n`,
    );
    const cli = resolve(__dirname, '../../dist/gateway/scripts/import-csv.js');
    const { stdout } = await promisify(execFile)(process.execPath, [
      cli,
      'members',
      file,
      '--token',
      token(),
      '--gateway',
      stack.gateway.url,
    ]);
    expect(stdout.trim()).toBe(
      `${file} (utf-8): 1 rows; 1 registered, 0 registered already (unchanged), 0 refused`,
    );
    expect((await members()).totalCount).toBe(4);
  });

  describe('organizations', () => {
    const FILE = Buffer.from(
      [
        '组织名称,上级党组织,组织类别,所属领域,行政区划代码',
        '朝阳第一网格第一党小组,朝阳第一网格党支部,党小组,网格,130903',
        '朝阳第二网格党支部,朝阳社区党委,BRANCH,GRID,130903',
        '朝阳第二网格第一党小组,朝阳第二网格党支部,党小组,网格,130903',
        '坏类别,朝阳社区党委,党小队,网格,130903',
        '越权,彩虹社区党委,党支部,网格,130903',
        '区划错,朝阳社区党委,党支部,网格,99',
      ].join('\r\n'),
    );
    const enums = {
      kinds: new Map([
        ['党小组', 'GROUP'],
        ['党支部', 'BRANCH'],
        ['BRANCH', 'BRANCH'],
        ['GROUP', 'GROUP'],
      ]),
      sectors: new Map([
        ['网格', 'GRID'],
        ['GRID', 'GRID'],
      ]),
    };
    const orgRefused = [
      { line: 5, column: '组织类别', message: '党小队 is no organization kind (组织类别)' },
      {
        line: 6,
        column: '上级党组织',
        message: 'no organization named 彩虹社区党委 in your scope',
      },
      { line: 7, column: '行政区划代码', message: expect.any(String) },
    ];
    const under = async () =>
      (
        await gql(
          stack.gateway.baseUrl,
          stack.adminToken,
          'query($o: ID!) { organization(id: $o) { descendants(first: 50) { edges { node { name kind parent { name } } } } } }',
          {
            o: stack.org.communityA,
          },
        )
      ).data.organization.descendants.edges.map((e: any) => e.node);
    const importRun = (dryRun: boolean) => importOrganizations(FILE, request, { dryRun, enums });

    it('checks, creates parents before children, and changes nothing the second time', async () => {
      const before = await under();
      expect(await importRun(true)).toEqual({
        encoding: 'utf-8',
        rows: 6,
        registered: 3,
        unchanged: 0,
        refused: orgRefused,
      });
      expect(await under()).toEqual(before);
      expect(await importRun(false)).toEqual({
        encoding: 'utf-8',
        rows: 6,
        registered: 3,
        unchanged: 0,
        refused: orgRefused,
      });
      const after = await under();
      expect(after).toEqual(
        expect.arrayContaining([
          { name: '朝阳第一网格第一党小组', kind: 'GROUP', parent: { name: '朝阳第一网格党支部' } },
          { name: '朝阳第二网格党支部', kind: 'BRANCH', parent: { name: '朝阳社区党委' } },
          { name: '朝阳第二网格第一党小组', kind: 'GROUP', parent: { name: '朝阳第二网格党支部' } },
        ]),
      );
      expect(after).toHaveLength(before.length + 3);
      expect(await importRun(false)).toEqual({
        encoding: 'utf-8',
        rows: 6,
        registered: 0,
        unchanged: 3,
        refused: orgRefused,
      });
      expect(await under()).toHaveLength(before.length + 3);
    });
  });
});
