import { csvLine, UTF8_BOM } from './csv-write';
import { decodeCsv, parseCsv, rowsOf } from './csv-read';

// 张伟,党员 in GB18030 (as Excel in China saves "CSV").
const GB18030 = Uint8Array.from([0xd5, 0xc5, 0xce, 0xb0, 0x2c, 0xb5, 0xb3, 0xd4, 0xb1]);

describe('reading CSV', () => {
  it('reads UTF-8 with and without a BOM, and GB18030', () => {
    expect(decodeCsv(Buffer.from(`${UTF8_BOM}张伟,党员`))).toEqual({
      text: '张伟,党员',
      encoding: 'utf-8',
    });
    expect(decodeCsv(Buffer.from('张伟,党员'))).toEqual({ text: '张伟,党员', encoding: 'utf-8' });
    expect(decodeCsv(GB18030)).toEqual({ text: '张伟,党员', encoding: 'gb18030' });
  });

  it('parses quotes, commas and line breaks in cells, with the line each record starts on', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n\n"two\nlines",z\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('reads back what csv-write writes', () => {
    const cells = ['运河区', 'a,b', 'say "hi"', 'two\nlines', ''];
    expect(parseCsv(csvLine(cells))).toEqual([{ line: 1, cells }]);
  });

  it('refuses a quote left open, naming its line', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow('line 2: a quoted cell is not closed');
  });

  it('names columns by their accepted headers and requires the required ones', () => {
    const aliases = {
      name: ['姓名', 'name'],
      phone: ['手机号码', 'phone'],
      idNumber: ['身份证号', 'idNumber'],
    };
    const records = parseCsv('姓名, 手机号码 ,备注\n 张伟 ,13812345678,x\n');
    expect(rowsOf(records, aliases, ['name'])).toEqual([
      { line: 2, values: { name: '张伟', phone: '13812345678' } },
    ]);
    expect(() => rowsOf(records, aliases, ['name', 'idNumber'])).toThrow(
      'line 1: missing column: 身份证号 / idNumber',
    );
  });
});
