import { Types } from 'mongoose';
import { parseEvent, whistleStepV1, WHISTLE_EVENT_TYPES } from '@jiceng/events';
import { whistleEventKind, whistleRecord, type WhistleEventKind } from './whistle.events';

const id = () => new Types.ObjectId();
const whistle = {
  _id: id(),
  requesterId: id(),
  townshipId: id(),
  countyId: id(),
  departmentIds: [id(), id()],
};

describe('whistle events', () => {
  it('carries ids only, keyed by the whistle, valid for the contract', () => {
    const at = new Date('2023-06-21T08:30:00Z');
    const record = whistleRecord('answered', whistle, at, String(whistle.departmentIds[1]));
    expect(record.topic).toBe(whistleStepV1.topic);
    expect(record.key).toBe(String(whistle._id));
    const event = parseEvent(whistleStepV1, record.value);
    expect(event.type).toBe('jiceng.volunteering.whistle.report-answered');
    expect(event.data).toEqual({
      whistleId: String(whistle._id),
      requesterId: String(whistle.requesterId),
      townshipId: String(whistle.townshipId),
      countyId: String(whistle.countyId),
      departmentId: String(whistle.departmentIds[1]),
      departmentIds: whistle.departmentIds.map(String),
      at: at.toISOString(),
    });
  });

  it('names every type of the contract by a kind the tally consumer reads back', () => {
    const kinds = WHISTLE_EVENT_TYPES.map((type) => whistleEventKind(type));
    expect(kinds).toEqual([
      'raised',
      'resolved',
      'whistled',
      'accepted',
      'acted',
      'answered',
      'evaluated',
    ] satisfies WhistleEventKind[]);
    expect(whistleEventKind('jiceng.volunteering.checkin.approved')).toBeUndefined();
  });
});
