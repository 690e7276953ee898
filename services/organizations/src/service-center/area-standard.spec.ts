import { requiredFloorAreaSqm } from './service-center.enums';

describe('service centre area standard', () => {
  it('asks 1000 m² of a street centre and 500 m² of a community centre', () => {
    expect(requiredFloorAreaSqm('SERVICE_CENTER', 'STREET')).toBe(1000);
    expect(requiredFloorAreaSqm('SERVICE_CENTER', 'COMMUNITY')).toBe(500);
  });

  it('sets no area for activity rooms, lounges and compound-level centres', () => {
    expect(requiredFloorAreaSqm('ACTIVITY_ROOM', 'COMMUNITY')).toBeNull();
    expect(requiredFloorAreaSqm('COMPOUND_LOUNGE', 'COMPOUND')).toBeNull();
    expect(requiredFloorAreaSqm('SERVICE_CENTER', 'COMPOUND')).toBeNull();
  });
});
