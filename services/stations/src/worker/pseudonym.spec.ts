import { pseudonym } from './pseudonym';

const PSEUDONYM_PATTERN = /^(骑手|快递|网约车|货车)-[0-9A-HJKMNP-TV-Z]{6}$/;

describe('worker pseudonyms', () => {
  it('names the kind of work and six unambiguous characters', () => {
    for (const kind of [
      'DELIVERY_RIDER',
      'COURIER',
      'RIDE_HAILING_DRIVER',
      'TRUCK_DRIVER',
    ] as const)
      expect(pseudonym(kind)).toMatch(PSEUDONYM_PATTERN);
    expect(pseudonym('DELIVERY_RIDER', () => 0)).toBe('骑手-000000');
    expect(pseudonym('COURIER', (max) => max - 1)).toBe('快递-ZZZZZZ');
  });

  it('rarely repeats (32^6 ≈ 1.07 billion codes per kind)', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => pseudonym('DELIVERY_RIDER')));
    expect(seen.size).toBeGreaterThan(9_990);
  });
});
