import { randomBytes } from 'node:crypto';
import {
  birthDateOfIdNumber,
  genderOfIdNumber,
  idNumberCheckCharacter,
  idNumberProblem,
  normalizeIdNumber,
} from './id-number';
import { maskIdNumber, maskPhone } from './masking';
import { PersonalDataCipher } from './personal-data.cipher';
import { personalDataConfigFromEnv, type PersonalDataConfig } from './personal-data.config';
import { normalizePhone, phoneProblem } from './phone';

const key = () => randomBytes(32);
const config = (active: string, keys: Record<string, Buffer>): PersonalDataConfig => ({
  keys: new Map(Object.entries(keys)),
  activeKeyId: active,
  hashKey: randomBytes(32),
});

describe('GB 11643 resident ID numbers', () => {
  it('accepts valid numbers, the X check character included, in either case', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull(); // the standard's own example
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(idNumberProblem('130903199001011237')).toBeNull();
    expect(idNumberProblem('130903200002290018')).toBeNull(); // 29 February of a leap year
  });

  it('computes the check character over ISO 7064 MOD 11-2', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('13063219850615432')).toBe('2');
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('110105194912310021')).toBe('fails the GB 11643 check digit');
    expect(idNumberProblem('130903199001011238')).toBe('fails the GB 11643 check digit');
    expect(idNumberProblem('13090319900101123')).toMatch(/18 characters/);
    expect(idNumberProblem('13090319900101123A')).toMatch(/18 characters/);
    expect(idNumberProblem('130903199002301234')).toMatch(/impossible birth date/); // 30 February
    expect(idNumberProblem('130903210001011234')).toMatch(/impossible birth date/); // the future
    expect(idNumberProblem('013090319900101123')).toMatch(/18 characters/);
  });

  it('carries the birth date and the gender', () => {
    expect(birthDateOfIdNumber('11010519491231002X').toISOString()).toBe(
      '1949-12-31T00:00:00.000Z',
    );
    expect(genderOfIdNumber('11010519491231002X')).toBe('FEMALE'); // 002: even
    expect(genderOfIdNumber('130903199001011237')).toBe('MALE'); // 123: odd
  });
});

describe('mobile phones', () => {
  it('accepts mainland mobiles with or without +86 and separators', () => {
    expect(phoneProblem('13812345678')).toBeNull();
    expect(phoneProblem('+86 138-1234-5678')).toBeNull();
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(phoneProblem('12812345678')).toMatch(/mobile/);
    expect(phoneProblem('0317-1234567')).toMatch(/mobile/);
  });
});

describe('masking', () => {
  it('keeps the region prefix and the last four characters of an ID number', () => {
    expect(maskIdNumber('130603199001011234')).toBe('1306**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('***');
  });
});

describe('PersonalDataCipher', () => {
  it('round-trips with a fresh IV every time and names the key', () => {
    const cipher = new PersonalDataCipher(config('k1', { k1: key() }));
    const a = cipher.encrypt('idNumber', '11010519491231002X');
    const b = cipher.encrypt('idNumber', '11010519491231002X');
    expect(a.kid).toBe('k1');
    expect(a.ct).not.toBe(b.ct);
    expect(a.iv).not.toBe(b.iv);
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(cipher.decrypt('idNumber', a)).toBe('11010519491231002X');
    expect(JSON.stringify(a)).not.toContain('1949');
  });

  it('rejects a tampered ciphertext and a value moved to another field', () => {
    const cipher = new PersonalDataCipher(config('k1', { k1: key() }));
    const value = cipher.encrypt('phone', '13812345678');
    const ct = Buffer.from(value.ct, 'base64');
    ct[0] ^= 1;
    expect(() => cipher.decrypt('phone', { ...value, ct: ct.toString('base64') })).toThrow();
    expect(() => cipher.decrypt('idNumber', value)).toThrow();
  });

  it('keeps decrypting old values after the active key rotates', () => {
    const k1 = key();
    const k2 = key();
    const before = new PersonalDataCipher(config('k1', { k1 }));
    const old = before.encrypt('phone', '13812345678');
    const after = new PersonalDataCipher(config('k2', { k1, k2 }));
    const fresh = after.encrypt('phone', '13912345678');
    expect(fresh.kid).toBe('k2');
    expect(after.decrypt('phone', old)).toBe('13812345678');
    expect(after.decrypt('phone', fresh)).toBe('13912345678');
    expect(after.isStale(old)).toBe(true);
    expect(after.isStale(fresh)).toBe(false);
    const retired = new PersonalDataCipher(config('k2', { k2 }));
    expect(() => retired.decrypt('phone', old)).toThrow(/No personal-data key k1/);
  });

  it('hashes deterministically per field with the hash key', () => {
    const c = config('k1', { k1: key() });
    const cipher = new PersonalDataCipher(c);
    const hash = cipher.hash('idNumber', '11010519491231002X');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.hash('idNumber', '11010519491231002X')).toBe(hash);
    expect(cipher.hash('phone', '11010519491231002X')).not.toBe(hash);
    expect(
      new PersonalDataCipher({ ...c, hashKey: randomBytes(32) }).hash(
        'idNumber',
        '11010519491231002X',
      ),
    ).not.toBe(hash);
  });
});

describe('personal-data configuration', () => {
  const k = (bytes = 32) => randomBytes(bytes).toString('base64');

  it('uses development keys outside production and refuses to start without keys in production', () => {
    expect(personalDataConfigFromEnv({}).activeKeyId).toBe('dev1');
    expect(() => personalDataConfigFromEnv({ NODE_ENV: 'production' })).toThrow(
      /PII_KEYS, PII_ACTIVE_KEY_ID and PII_HASH_KEY must be set in production/,
    );
    expect(() => personalDataConfigFromEnv({ PII_KEYS: `a:${k()}` })).toThrow(/all of/);
  });

  it('parses several keys and checks them', () => {
    const parsed = personalDataConfigFromEnv({
      NODE_ENV: 'production',
      PII_KEYS: `2024a:${k()}, 2025a:${k()}`,
      PII_ACTIVE_KEY_ID: '2025a',
      PII_HASH_KEY: k(),
    });
    expect([...parsed.keys.keys()]).toEqual(['2024a', '2025a']);
    expect(parsed.activeKeyId).toBe('2025a');
    const env = { PII_ACTIVE_KEY_ID: 'a', PII_HASH_KEY: k() };
    expect(() => personalDataConfigFromEnv({ ...env, PII_KEYS: `a:${k(16)}` })).toThrow(/32 bytes/);
    expect(() => personalDataConfigFromEnv({ ...env, PII_KEYS: `b:${k()}` })).toThrow(/not one of/);
    expect(() => personalDataConfigFromEnv({ ...env, PII_KEYS: k() })).toThrow(
      /<kid>:<base64 key>/,
    );
    expect(() =>
      personalDataConfigFromEnv({ ...env, PII_KEYS: `a:${k()}`, PII_HASH_KEY: k(8) }),
    ).toThrow(/PII_HASH_KEY/);
  });
});
