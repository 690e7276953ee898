import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gql, tokenFor, withSubgraphStack, YUNHE_SAMPLE } from '@jiceng/testing';
import type { GraphRequest } from '../scripts/graph-request';
import { schemaOfSupergraph } from '../scripts/open-data/open-data-dictionary';
import { OPEN_DATASETS } from '../scripts/open-data/open-datasets';
import { publishOpenData } from '../scripts/open-data/publish-open-data';

// `npm run open-data` through the real gateway, as an ANALYST of 运河区: every dataset read,
// then written as CSV and JSON with the data dictionary; a refused dataset writes nothing.

describe('open data', () => {
  const stack = withSubgraphStack({
    tag: 'od',
    services: ['organizations', 'stations', 'rural'],
    tree: YUNHE_SAMPLE,
  });
  const schema = schemaOfSupergraph(
    readFileSync(resolve(__dirname, '../supergraph.graphql'), 'utf8'),
  );
  const as =
    (token: string): GraphRequest =>
    async (query, variables) => {
      const res = await gql(stack.gateway.baseUrl, token, query, variables);
      return { data: res.data, errors: res.errors };
    };

  it('publishes every dataset of a subtree with its dictionary', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'jiceng-open-data-'));
    const root = stack.org.district;
    const published = await publishOpenData(as(tokenFor('ANALYST', root)), schema, {
      root,
      year: '2023',
      outDir,
    });
    expect(published.map((d) => d.name)).toEqual(OPEN_DATASETS.map((d) => d.name));
    expect(readdirSync(outDir).sort()).toEqual(
      [
        ...OPEN_DATASETS.flatMap((d) => [`${d.name}.csv`, `${d.name}.json`]),
        'data-dictionary.csv',
        'data-dictionary.json',
      ].sort(),
    );
    // The district's subtree of the sample tree, by kind, as organizationStats counts it.
    const stats = (
      await gql(
        stack.gateway.baseUrl,
        stack.adminToken,
        'query($r: ID!) { organizationStats(rootId: $r) { totalCount byKind { kind count } } }',
        { r: root },
      )
    ).data.organizationStats;
    const csv = readFileSync(join(outDir, 'organizations-by-kind.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFkind,kindLabel,count\r\n')).toBe(true);
    const json = JSON.parse(readFileSync(join(outDir, 'organizations-by-kind.json'), 'utf8'));
    expect(json).toMatchObject({
      dataset: 'organizations-by-kind',
      title: '党组织数量（按组织类别）',
      root,
      year: '2023',
    });
    expect(json.rows.map((r: any) => ({ kind: r.kind, count: r.count }))).toEqual(stats.byKind);
    expect(json.rows.reduce((n: number, r: any) => n + r.count, 0)).toBe(stats.totalCount);
    expect(json.columns[2]).toEqual({
      dataset: 'organizations-by-kind',
      column: 'count',
      label: '数量',
      type: 'Int',
      description: '',
    });
    const dictionary = JSON.parse(readFileSync(join(outDir, 'data-dictionary.json'), 'utf8'));
    expect(dictionary.columns.length).toBe(
      OPEN_DATASETS.reduce((n, d) => n + Object.keys(d.labels).length, 0),
    );
    expect(dictionary.columns).toContainEqual(
      expect.objectContaining({
        column: 'regionLabel',
        label: '行政区划',
        description: expect.stringMatching(/province first/),
      }),
    );
  });

  it('writes nothing when a dataset is refused', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'jiceng-open-data-')), 'out');
    // An analyst of 水月寺街道 asking for the district: outside its scope.
    await expect(
      publishOpenData(as(tokenFor('ANALYST', stack.org.streetA)), schema, {
        root: stack.org.district,
        year: '2023',
        outDir,
      }),
    ).rejects.toThrow(/organizations-by-kind: .*\(FORBIDDEN\)/);
    expect(() => readdirSync(outDir)).toThrow();
  });
});
