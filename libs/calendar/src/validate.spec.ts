import { GraphQLError } from 'graphql';
import { dayRange, isYear, periodArg } from './validate';

function fields(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    return (e as GraphQLError).extensions;
  }
  throw new Error('did not throw');
}

describe('period validation', () => {
  it('returns the parsed period', () => {
    expect(periodArg('2023-Q2').kind).toBe('QUARTER');
    expect(periodArg('2023', 'year', ['YEAR']).year).toBe(2023);
  });

  it('refuses with BAD_USER_INPUT naming the field and the one message', () => {
    expect(fields(() => periodArg('2023-Q5', 'input.period', ['QUARTER']))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.period', message: 'must be a quarter (2023-Q2) from 2000 to 2099' }],
    });
    expect(fields(() => periodArg('1999'))).toMatchObject({
      fields: [
        {
          field: 'period',
          message:
            'must be a year (2023), a quarter (2023-Q2) or a month (2023-06) from 2000 to 2099',
        },
      ],
    });
  });

  it('takes a period or a day range, not both', () => {
    expect(dayRange({ period: '2023-Q2' })).toEqual({ from: '2023-04-01', to: '2023-06-30' });
    expect(dayRange({ from: '2023-06-01', to: '2023-06-01' })).toEqual({
      from: '2023-06-01',
      to: '2023-06-01',
    });
    expect(fields(() => dayRange({ period: '2023', from: '2023-01-01' }))).toMatchObject({
      fields: [{ field: 'period', message: 'give either a period or from and to, not both' }],
    });
    expect(fields(() => dayRange({ from: '2023-02-30' }))).toMatchObject({
      fields: [{ field: 'from' }, { field: 'to' }],
    });
    expect(fields(() => dayRange({ from: '2023-06-02', to: '2023-06-01' }))).toMatchObject({
      fields: [{ field: 'to', message: 'must not be before from' }],
    });
    expect(dayRange({ from: '2024-01-01', to: '2024-12-31' }).to).toBe('2024-12-31');
    expect(fields(() => dayRange({ from: '2023-01-01', to: '2024-01-02' }))).toMatchObject({
      fields: [{ field: 'to', message: 'must be less than 366 days after from' }],
    });
  });

  it('takes integer years 2000 to 2099', () => {
    expect([1999, 2000, 2099, 2100, 2023.5, '2023'].map(isYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
