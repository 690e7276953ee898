import { normalizePlate, plateProblem } from './plate';

describe('flag vehicle plates', () => {
  it('normalizes what people write', () => {
    expect(normalizePlate('冀t·a1234')).toBe('冀TA1234');
    expect(normalizePlate(' 冀J 12345 ')).toBe('冀J12345');
  });

  it('accepts petrol, new-energy and trailer plates for motor vehicles', () => {
    for (const plate of ['冀TA1234', '冀J12345', '冀TD12345', '冀T12345F', '冀T1234挂'])
      expect(plateProblem('CAR', plate)).toBeNull();
  });

  it('refuses unknown provinces, I/O letters and wrong lengths', () => {
    for (const plate of ['X TA1234', '冀IA1234', '冀TA12345', '冀TA123', '冀TO1234X'])
      expect(plateProblem('TRUCK', normalizePlate(plate))).toMatch(/not a motor vehicle plate/);
  });

  it('takes five or six characters for an electric bike', () => {
    expect(plateProblem('ELECTRIC_BIKE', '冀T12345')).toBeNull();
    expect(plateProblem('ELECTRIC_BIKE', '冀TA23456')).toBeNull();
    expect(plateProblem('ELECTRIC_BIKE', '冀T1234')).toMatch(/electric bike/);
  });
});
