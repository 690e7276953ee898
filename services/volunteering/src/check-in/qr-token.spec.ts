import { issueCheckInToken, signCheckInToken, verifyCheckInToken } from './qr-token';

const SECRET = 'qr-test-secret';
const TASK = '6b02d8672a6584f6ec021221';
const OTHER_TASK = '6b02d8672a6584f6ec021222';
const now = new Date('2023-06-05T02:00:00.500Z');

describe('rotating check-in QR tokens', () => {
  it('issues a token valid for the configured window, for its task only', () => {
    const { token, expiresAt } = issueCheckInToken(TASK, now, 120, SECRET);
    expect(expiresAt).toEqual(new Date('2023-06-05T02:02:00.000Z'));
    expect(token.startsWith(`v1.${TASK}.`)).toBe(true);
    expect(verifyCheckInToken(token, TASK, now, SECRET)).toEqual({ valid: true, expiresAt });
    expect(
      verifyCheckInToken(token, TASK, new Date('2023-06-05T02:01:59.999Z'), SECRET).valid,
    ).toBe(true);
    expect(verifyCheckInToken(token, OTHER_TASK, now, SECRET)).toMatchObject({
      valid: false,
      reason: 'other-task',
    });
  });

  it('expires at the end of its window', () => {
    const { token } = issueCheckInToken(TASK, now, 120, SECRET);
    expect(verifyCheckInToken(token, TASK, new Date('2023-06-05T02:02:00.000Z'), SECRET)).toEqual({
      valid: false,
      reason: 'expired',
      expiresAt: new Date('2023-06-05T02:02:00.000Z'),
    });
  });

  it('rejects forged, tampered and malformed tokens before anything else', () => {
    const { token } = issueCheckInToken(TASK, now, 120, SECRET);
    expect(verifyCheckInToken(token, TASK, now, 'other-secret')).toEqual({
      valid: false,
      reason: 'signature',
    });
    const [prefix, task, seconds, mac] = token.split('.');
    const extended = `${prefix}.${task}.${Number(seconds) + 3600}.${mac}`;
    expect(verifyCheckInToken(extended, TASK, now, SECRET)).toMatchObject({ reason: 'signature' });
    const moved = `${prefix}.${OTHER_TASK}.${seconds}.${mac}`;
    expect(verifyCheckInToken(moved, OTHER_TASK, now, SECRET)).toMatchObject({
      reason: 'signature',
    });
    for (const bad of ['', 'abc', `v2.${TASK}.1.x`, `v1.${TASK}.soon.x`])
      expect(verifyCheckInToken(bad, TASK, now, SECRET)).toEqual({
        valid: false,
        reason: 'malformed',
      });
  });

  it('signs deterministically from task and expiry', () => {
    const at = new Date('2023-06-05T02:02:00.000Z');
    expect(signCheckInToken(TASK, at, SECRET)).toBe(
      issueCheckInToken(TASK, now, 120, SECRET).token,
    );
  });
});
