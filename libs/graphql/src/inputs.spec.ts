import 'reflect-metadata';
import { GraphQLError, parseValue } from 'graphql';
import { IsOptional } from 'class-validator';
import { DateTimeScalar } from './date-time.scalar';
import { inputScalar, InvalidScalarInput } from './input-scalar';
import { IsLine, IsName, IsText, TextLimit, textProblem } from './text';
import { ArgumentValidationPipe } from './validation';

class EventInput {
  @IsName()
  name!: string;

  @IsOptional()
  @IsText({ min: 2 })
  description?: string;

  @IsOptional()
  @IsLine({ each: true })
  tags?: string[];

  @IsOptional()
  startsAt?: unknown;
}

const pipe = new ArgumentValidationPipe();
const validate = (value: unknown, data = 'input', metatype: new () => unknown = EventInput) =>
  pipe.transform(value, { type: 'body', metatype, data });

async function fieldsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  return (error as GraphQLError).extensions.fields as { field: string; message: string }[];
}

describe('custom scalars', () => {
  it.each([
    ['a literal', () => DateTimeScalar.parseLiteral(parseValue('"yesterday"'))],
    ['a variable', () => DateTimeScalar.parseValue('yesterday')],
    ['an object', () => DateTimeScalar.parseValue({ $gt: 0 })],
    ['a number', () => DateTimeScalar.parseLiteral(parseValue('5'))],
  ])('hand an unreadable %s on as a marker, not an error', (_, parse) => {
    expect(parse()).toEqual(new InvalidScalarInput('DateTime', expect.stringMatching(/ISO 8601/)));
  });

  it('read ISO 8601 instants and dates', () => {
    expect(DateTimeScalar.parseValue('2023-06-05T08:00:00+08:00')).toEqual(
      new Date('2023-06-05T00:00:00Z'),
    );
    expect(DateTimeScalar.parseLiteral(parseValue('"2023-06-05"'))).toEqual(
      new Date('2023-06-05T00:00:00Z'),
    );
    expect(DateTimeScalar.serialize(new Date('2023-06-05T00:00:00Z'))).toBe(
      '2023-06-05T00:00:00.000Z',
    );
  });

  it('judge literals and variables alike (a Fen-like scalar)', () => {
    const Amount = inputScalar<number>({
      name: 'Amount',
      description: '',
      invalidMessage: 'must be a whole number',
      parse: (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined),
      serialize: (v) => v,
    });
    expect(Amount.parseLiteral(parseValue('100'))).toBe(100);
    expect(Amount.parseValue(100)).toBe(100);
    for (const literal of ['"100"', '{ gt: 0 }', '1e400', '1.5'])
      expect(Amount.parseLiteral(parseValue(literal))).toBeInstanceOf(InvalidScalarInput);
    for (const value of ['100', { $gt: 0 }, Infinity, null])
      expect(Amount.parseValue(value)).toBeInstanceOf(InvalidScalarInput);
  });

  it('leave the context and the parent alone: request loaders are keyed by the context object', async () => {
    const ctx = { claims: { role: 'ADMIN' }, note: '  not trimmed  ' };
    expect(await pipe.transform(ctx, { type: 'custom', metatype: Object })).toBe(ctx);
    expect(ctx.note).toBe('  not trimmed  ');
  });

  it('are reported by ArgumentValidationPipe as BAD_USER_INPUT naming the field', async () => {
    const startsAt = DateTimeScalar.parseValue('yesterday');
    expect(await fieldsOf(validate({ name: 'x', startsAt }))).toEqual([
      { field: 'input.startsAt', message: expect.stringMatching(/^must be an ISO 8601/) },
    ]);
    // A scalar argument of its own is named by the argument.
    expect(await fieldsOf(validate(startsAt, 'since', Date))).toEqual([
      { field: 'since', message: expect.any(String) },
    ]);
  });
});

describe('text fields', () => {
  it('are trimmed before validation, so a name of only spaces is empty', async () => {
    expect(await validate({ name: '  运河区  ', description: ' a\nb ' })).toEqual(
      Object.assign(new EventInput(), { name: '运河区', description: 'a\nb' }),
    );
    expect(await fieldsOf(validate({ name: '   ' }))).toEqual([
      { field: 'input.name', message: 'must not be empty' },
    ]);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a line break', 'a\nb'],
    ['a bidirectional override', 'a\u202Eb'],
    ['an isolate', 'a\u2066b'],
    ['a zero-width space', 'a\u200Bb'],
    ['a zero-width joiner', 'a\u200Db'],
    ['a byte-order mark', 'a\uFEFFb'],
    ['a lone surrogate', 'a\uD800b'],
  ])('refuse %s in a name', async (_, name) => {
    expect(await fieldsOf(validate({ name }))).toEqual([
      { field: 'input.name', message: expect.stringMatching(/^must be one line/) },
    ]);
  });

  it('let multi-line text keep line breaks and tabs, and nothing else invisible', async () => {
    await expect(validate({ name: 'x', description: 'a\n\tb' })).resolves.toBeDefined();
    expect(await fieldsOf(validate({ name: 'x', description: 'a\r\nb' }))).toEqual([
      { field: 'input.description', message: expect.stringMatching(/U\+000D/) },
    ]);
  });

  it('name the over-long field, counting characters, not UTF-16 units', async () => {
    expect(
      textProblem('𠀀'.repeat(TextLimit.NAME), { max: TextLimit.NAME, multiline: false }),
    ).toBe(null);
    expect(await fieldsOf(validate({ name: '名'.repeat(TextLimit.NAME + 1) }))).toEqual([
      { field: 'input.name', message: `must be at most ${TextLimit.NAME} characters long` },
    ]);
    expect(await fieldsOf(validate({ name: 'x', tags: ['ok', 'x'.repeat(201)] }))).toEqual([
      { field: 'input.tags', message: 'must be at most 200 characters long' },
    ]);
  });

  it('cap every string argument, decorated or not', async () => {
    const long = 'x'.repeat(TextLimit.TEXT + 1);
    expect(await fieldsOf(validate({ name: 'x', startsAt: [long] }))).toEqual([
      { field: 'input.startsAt.0', message: `must be at most ${TextLimit.TEXT} characters long` },
    ]);
    expect(await fieldsOf(validate('a\u0000', 'nameContains', String))).toEqual([
      { field: 'nameContains', message: expect.stringMatching(/U\+0000/) },
    ]);
  });
});
