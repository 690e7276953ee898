import { csvCell, csvLine, valueAt } from './csv';

describe('csv', () => {
  it('quotes what needs quoting and keeps Chinese as is', () => {
    expect(csvLine(['运河区', 'a,b', 'say "hi"', 'two\nlines', 3, true, null])).toBe(
      '运河区,"a,b","say ""hi""","two\nlines",3,true,\r\n',
    );
  });

  it('defuses formulas in texts, not in numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });

  it('reads nested columns, lists and nulls', () => {
    const row = {
      organization: { name: '运河区' },
      tags: ['A', 'B'],
      parent: null,
      kinds: [{ k: 1 }],
    };
    expect(valueAt(row, ['organization', 'name'])).toBe('运河区');
    expect(valueAt(row, ['tags'])).toBe('A; B');
    expect(valueAt(row, ['parent', 'name'])).toBeNull();
    expect(valueAt(row, ['kinds'])).toBe('[{"k":1}]');
  });
});
