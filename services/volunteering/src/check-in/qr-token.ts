import { createHmac, timingSafeEqual } from 'node:crypto';

// The organizer's screen shows a QR code that rotates: each token is an HMAC over the task id and
// the end of its short validity window, so a photo of it stops working within minutes and a token
// for one task never checks anyone in to another.
const PREFIX = 'v1';

export interface CheckInToken {
  token: string;
  expiresAt: Date;
}

function mac(taskId: string, expiresAtSeconds: number, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${PREFIX}.${taskId}.${expiresAtSeconds}`).digest();
}

/** `v1.<taskId>.<expiry, epoch seconds>.<base64url hmac>` */
export function signCheckInToken(taskId: string, expiresAt: Date, secret: string): string {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return `${PREFIX}.${taskId}.${seconds}.${mac(taskId, seconds, secret).toString('base64url')}`;
}

export function issueCheckInToken(
  taskId: string,
  now: Date,
  ttlSeconds: number,
  secret: string,
): CheckInToken {
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + ttlSeconds * 1000);
  return { token: signCheckInToken(taskId, expiresAt, secret), expiresAt };
}

export type TokenVerdict =
  | { valid: true; expiresAt: Date }
  | {
      valid: false;
      reason: 'malformed' | 'signature' | 'other-task' | 'expired';
      expiresAt?: Date;
    };

/** Checks signature first (nothing unsigned is trusted), then the task, then the expiry. */
export function verifyCheckInToken(
  token: string,
  taskId: string,
  now: Date,
  secret: string,
): TokenVerdict {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^\d{1,12}$/.test(parts[2]))
    return { valid: false, reason: 'malformed' };
  const [, tokenTaskId, secondsText, signature] = parts;
  const seconds = Number(secondsText);
  const expected = mac(tokenTaskId, seconds, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { valid: false, reason: 'signature' };
  const expiresAt = new Date(seconds * 1000);
  if (tokenTaskId !== taskId) return { valid: false, reason: 'other-task', expiresAt };
  if (now.getTime() >= expiresAt.getTime()) return { valid: false, reason: 'expired', expiresAt };
  return { valid: true, expiresAt };
}
