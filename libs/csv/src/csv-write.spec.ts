import { csvCell, csvLine } from './csv-write';

describe('writing CSV', () => {
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
});
