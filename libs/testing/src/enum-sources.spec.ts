import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enumSourceMismatches, literalEnumCopies, sdlEnums } from './enum-sources';

const SDL = `
"A kind."
enum FruitKind {
  "苹果"
  APPLE
  "梨: a pear"
  PEAR
}

enum Direction {
  IN
  OUT
}
`;

describe('enum sources', () => {
  let src: string;
  beforeAll(() => {
    src = mkdtempSync(join(tmpdir(), 'enum-sources-'));
    mkdirSync(join(src, 'fruit'));
    writeFileSync(join(src, 'fruit/fruit.graphql'), SDL);
  });
  afterAll(() => rmSync(src, { recursive: true, force: true }));

  const fruit = { values: ['APPLE', 'PEAR'], labels: { APPLE: '苹果', PEAR: '梨' } };

  it('reads the enums of every SDL file', () => {
    expect(sdlEnums(src).map((e) => [e.name, e.file, e.values.length])).toEqual([
      ['FruitKind', 'fruit/fruit.graphql', 2],
      ['Direction', 'fruit/fruit.graphql', 2],
    ]);
  });

  it('accepts copies that agree, a description of label + ": " explanation, and listed reasons', () => {
    expect(
      enumSourceMismatches(src, { sources: { FruitKind: fruit }, withoutTs: {} }).filter((p) =>
        p.startsWith('FruitKind'),
      ),
    ).toEqual([]);
  });

  it('names the enum and the values where the copies differ', () => {
    const problems = enumSourceMismatches(src, {
      sources: {
        FruitKind: {
          values: ['APPLE', 'PLUM'],
          labels: { APPLE: '苹果', PEAR: '雪梨', FIG: '无花果' },
        },
      },
      withoutTs: { Direction: 'an argument' },
    });
    expect(problems).toEqual([
      'FruitKind (fruit/fruit.graphql): in the SDL, not in the TS list: PEAR',
      'FruitKind (fruit/fruit.graphql): in the TS list, not in the SDL: PLUM',
      'FruitKind (fruit/fruit.graphql): in the label map, not in the SDL: FIG',
      'FruitKind (fruit/fruit.graphql): PEAR is "梨: a pear" in the SDL but "雪梨" in the label map',
      'Direction (fruit/fruit.graphql): SDL values without a label: IN, OUT',
    ]);
  });

  it('requires every SDL enum to be registered or listed with a reason', () => {
    expect(enumSourceMismatches(src, { sources: { FruitKind: fruit, Colour: fruit } })).toEqual(
      expect.arrayContaining([
        'Colour: registered but no SDL enum has that name',
        'Direction (fruit/fruit.graphql): no TS value list and label map registered, and no reason given',
      ]),
    );
  });

  it('leaves input-only values out of the stored set', () => {
    const problems = enumSourceMismatches(src, {
      sources: {
        FruitKind: { values: ['APPLE'], labels: { APPLE: '苹果' }, inputOnly: { PEAR: 'r' } },
      },
      withoutTs: { Direction: 'an argument' },
    });
    expect(problems.filter((p) => p.startsWith('FruitKind'))).toEqual([]);
  });

  it('finds literal copies in schemas and validators, not other literal sets', () => {
    writeFileSync(
      join(src, 'fruit/fruit.schema.ts'),
      [
        "kind: { type: String, enum: ['PEAR', 'APPLE'] },",
        "type: { type: String, enum: ['Point'] },",
        "@IsIn(['APPLE'])",
        '@IsEnum(FRUIT_KINDS)',
        '@IsIn([',
        "  'APPLE',",
        "  'PEAR',",
        '])',
      ].join('\n'),
    );
    const spec = { sources: { FruitKind: { ...fruit, inputOnly: { PEAR: 'r' } } } };
    expect(literalEnumCopies(src, spec)).toEqual([
      'fruit/fruit.schema.ts:1 spells FruitKind literally: PEAR, APPLE',
      'fruit/fruit.schema.ts:3 spells FruitKind literally: APPLE',
      'fruit/fruit.schema.ts:5 spells FruitKind literally: APPLE, PEAR',
    ]);
  });
});
