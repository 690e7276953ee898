import { evaluateEvidence } from './evidence';
import { issueCheckInToken } from './qr-token';

const SECRET = 's';
const taskId = '6b02d8672a6584f6ec021221';
const now = new Date('2023-06-05T02:00:00Z');
const context = {
  taskId,
  place: { longitude: 116.8388, latitude: 38.3037 },
  radiusMeters: 200,
  now,
  secret: SECRET,
};
const inside = { longitude: 116.8388, latitude: 38.3046 };
const outside = { longitude: 116.8388, latitude: 38.3137 };

describe('check-in evidence', () => {
  it('keeps every piece that passed, with details', () => {
    const { token } = issueCheckInToken(taskId, now, 120, SECRET);
    const { passed, problems } = evaluateEvidence({ qrToken: token, position: inside }, context);
    expect(problems).toEqual([]);
    expect(passed.map((e) => e.kind)).toEqual(['QR_TOKEN', 'GEOFENCE']);
    expect(passed[1]).toMatchObject({ distanceMeters: expect.any(Number) });
    expect(passed[1].detail).toMatch(/m from the task's place \(geofence radius 200 m\)/);
  });

  it('accepts the attendance when one piece passes and drops the failing one', () => {
    const expired = issueCheckInToken(taskId, new Date('2023-06-05T01:50:00Z'), 120, SECRET);
    const { passed, problems } = evaluateEvidence(
      { qrToken: expired.token, position: inside },
      context,
    );
    expect(passed.map((e) => e.kind)).toEqual(['GEOFENCE']);
    expect(problems).toEqual([]);
  });

  it('names each failing field when nothing passed', () => {
    const expired = issueCheckInToken(taskId, new Date('2023-06-05T01:50:00Z'), 120, SECRET);
    const { passed, problems } = evaluateEvidence(
      { qrToken: expired.token, position: outside },
      context,
    );
    expect(passed).toEqual([]);
    expect(problems).toEqual([
      { field: 'input.qrToken', message: expect.stringMatching(/has expired/) },
      {
        field: 'input.position',
        message: expect.stringMatching(/outside the geofence: 1\d{3}\.?\d? m/),
      },
    ]);
    expect(evaluateEvidence({}, context).problems.map((p) => p.field)).toEqual([
      'input.qrToken',
      'input.position',
    ]);
  });
});
