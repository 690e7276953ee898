import { randomInt } from 'node:crypto';
import type { WorkerKind } from './worker.enums';

// Workers are known by a generated pseudonym, never by name: 骑手-K7Q2MX reads well on a
// station's screen and says nothing about the person.
const PREFIX: Record<WorkerKind, string> = {
  DELIVERY_RIDER: '骑手',
  COURIER: '快递',
  RIDE_HAILING_DRIVER: '网约车',
  TRUCK_DRIVER: '货车',
};
// Crockford's base32 without I, L, O, U: nothing to misread on a screen.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function pseudonym(kind: WorkerKind, random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[random(ALPHABET.length)];
  return `${PREFIX[kind]}-${code}`;
}
