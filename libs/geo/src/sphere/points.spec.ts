import { fromGeoPoint, toGeoPoint } from './points';

describe('GeoJSON points', () => {
  it('store longitude first and read back the same position', () => {
    const yunhe = { longitude: 116.84, latitude: 38.3 };
    expect(toGeoPoint(yunhe)).toEqual({ type: 'Point', coordinates: [116.84, 38.3] });
    expect(fromGeoPoint(toGeoPoint(yunhe))).toEqual(yunhe);
  });
});
