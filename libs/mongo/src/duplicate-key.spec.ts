import { duplicateKeyFailures, isDuplicateKeyError } from './duplicate-key';

describe('duplicate keys of multi-document writes', () => {
  it('lists the failed operations when every failure is a duplicate key', () => {
    const error = {
      code: 11000,
      writeErrors: [
        { index: 2, code: 11000 },
        { index: 5, err: { code: 11000 } },
      ],
    };
    expect(duplicateKeyFailures(error)).toEqual([2, 5]);
    expect(duplicateKeyFailures({ code: 11000, writeErrors: { index: 1, code: 11000 } })).toEqual([
      1,
    ]);
    expect(duplicateKeyFailures({ code: 11000 })).toEqual([]);
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
  });

  it('is null when another error is among them, or for any other error', () => {
    expect(
      duplicateKeyFailures({
        code: 11000,
        writeErrors: [
          { index: 0, code: 11000 },
          { index: 1, code: 121 },
        ],
      }),
    ).toBeNull();
    expect(duplicateKeyFailures({ code: 50 })).toBeNull();
    expect(duplicateKeyFailures(new Error('boom'))).toBeNull();
    expect(duplicateKeyFailures(null)).toBeNull();
  });
});
