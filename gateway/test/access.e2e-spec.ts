import { readAccessTable, supergraphRootFields } from './access/access-table';
import type { Probe } from './access/probe';
import { PROBE_SETS } from './access/probes';
import { checkRow } from './access/run-cell';
import { startStack, type Stack } from './access/stack';

// ACCESS.md against the composed platform: every cell of the role × operation table, run through
// the gateway. A Query or Mutation field without a row or a probe fails here, so the table
// cannot fall behind the schema.

const rows = readAccessTable();
const probes: Record<string, Probe> = Object.assign({}, ...PROBE_SETS.map((s) => s.probes));

describe('ACCESS.md: who may do what, through the gateway', () => {
  let stack: Stack;

  it('has a row and a probe for every Query and Mutation field of the supergraph, and no others', () => {
    const fields = supergraphRootFields();
    const inTable = rows.map((r) => r.field);
    expect({
      withoutRow: fields.filter((f) => !inTable.includes(f)),
      rowsWithoutField: inTable.filter((f) => !fields.includes(f)),
      rowsTwice: inTable.filter((f, i) => inTable.indexOf(f) !== i),
      withoutProbe: inTable.filter((f) => !probes[f]),
      probesWithoutRow: Object.keys(probes).filter((f) => !inTable.includes(f)),
    }).toEqual({
      withoutRow: [],
      rowsWithoutField: [],
      rowsTwice: [],
      withoutProbe: [],
      probesWithoutRow: [],
    });
  });

  describe('every cell', () => {
    beforeAll(async () => {
      stack = await startStack();
      for (const set of PROBE_SETS) await set.setup?.(stack.world, stack.api);
    }, 300_000);

    afterAll(async () => {
      await stack?.stop();
    }, 120_000);

    it.each(rows.filter((r) => probes[r.field]).map((r) => [r.field, r] as const))(
      '%s',
      async (_field, row) => {
        expect(await checkRow(row, probes[row.field], stack.world, stack.api)).toEqual([]);
      },
    );
  });
});
