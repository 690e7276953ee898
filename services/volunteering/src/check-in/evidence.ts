import type { FieldError } from '@jiceng/graphql';
import { checkGeofence, type LngLat } from '@jiceng/geo';
import { verifyCheckInToken } from './qr-token';

export const EVIDENCE_KIND_LABELS = {
  QR_TOKEN: '扫码签到',
  GEOFENCE: '定位签到',
  MANUAL: '组织者手工签到',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KIND_LABELS;

/** One piece of evidence that passed, as stored with the check-in or check-out. */
export interface Evidence {
  kind: EvidenceKind;
  detail: string;
  distanceMeters?: number;
  tokenExpiresAt?: Date;
}

export interface EvidenceInput {
  qrToken?: string | null;
  position?: LngLat | null;
}

export interface EvidenceContext {
  taskId: string;
  place: LngLat;
  radiusMeters: number;
  now: Date;
  secret: string;
}

const TOKEN_PROBLEMS = {
  malformed: 'is not a check-in QR token',
  signature: 'is not a check-in QR token issued by this platform',
  'other-task': "was issued for another task; scan this task's code",
  expired: 'has expired; scan the current code',
} as const;

/**
 * Checks each piece of evidence given. The attendance counts when at least one passes; then only
 * the passing ones are kept. When none passes, every problem is reported on its input field.
 */
export function evaluateEvidence(
  input: EvidenceInput,
  context: EvidenceContext,
): { passed: Evidence[]; problems: FieldError[] } {
  const passed: Evidence[] = [];
  const problems: FieldError[] = [];
  if (!input.qrToken && !input.position) {
    const message = 'give the check-in QR token, your position, or both';
    return {
      passed,
      problems: [
        { field: 'input.qrToken', message },
        { field: 'input.position', message },
      ],
    };
  }
  if (input.qrToken) {
    const verdict = verifyCheckInToken(input.qrToken, context.taskId, context.now, context.secret);
    if (verdict.valid) {
      passed.push({
        kind: 'QR_TOKEN',
        detail: `QR token valid until ${verdict.expiresAt.toISOString()}`,
        tokenExpiresAt: verdict.expiresAt,
      });
    } else {
      const when = verdict.reason === 'expired' ? ` (at ${verdict.expiresAt?.toISOString()})` : '';
      problems.push({
        field: 'input.qrToken',
        message: `${TOKEN_PROBLEMS[verdict.reason]}${when}`,
      });
    }
  }
  if (input.position) {
    const { inside, distanceMeters } = checkGeofence(
      context.place,
      context.radiusMeters,
      input.position,
    );
    const detail = `${distanceMeters} m from the task's place (geofence radius ${context.radiusMeters} m)`;
    if (inside) passed.push({ kind: 'GEOFENCE', detail, distanceMeters });
    else problems.push({ field: 'input.position', message: `is outside the geofence: ${detail}` });
  }
  return { passed, problems: passed.length ? [] : problems };
}
