import type { FlagVehicleKind } from './vehicle.enums';

// GA 36 plates: province character, issuing-office letter (no I or O), then five characters;
// new-energy plates have six, starting or ending with D (electric) or F (hybrid). Electric bikes
// carry local plates of the same shape with five or six characters.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const OFFICE = 'A-HJ-NP-Z';
const CHAR = 'A-HJ-NP-Z0-9';
const MOTOR = new RegExp(
  `^[${PROVINCES}][${OFFICE}](?:[${CHAR}]{4}[${CHAR}挂学]|[DF][${CHAR}]{5}|[0-9]{5}[DF])$`,
);
const BIKE = new RegExp(`^[${PROVINCES}][${OFFICE}][${CHAR}]{5,6}$`);

/** Upper case, without the spaces, dots and dashes people write plates with (冀T·A1234). */
export function normalizePlate(plate: string): string {
  return plate.toUpperCase().replace(/[\s·.-]/g, '');
}

/** Why a normalized plate is not one of the kind's formats, or null. */
export function plateProblem(kind: FlagVehicleKind, plate: string): string | null {
  const pattern = kind === 'ELECTRIC_BIKE' ? BIKE : MOTOR;
  return pattern.test(plate)
    ? null
    : `is not a ${kind === 'ELECTRIC_BIKE' ? 'electric bike' : 'motor vehicle'} plate (e.g. ${kind === 'ELECTRIC_BIKE' ? '冀T12345' : '冀TA1234, 冀TD12345'})`;
}
