import { ValidateBy } from 'class-validator';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A calendar year (Asia/Shanghai) as the platform records them. */
export const IsYear = (): PropertyDecorator =>
  ValidateBy({
    name: 'isYear',
    validator: {
      validate: (v) =>
        Number.isInteger(v) && (v as number) >= MIN_YEAR && (v as number) <= MAX_YEAR,
      defaultMessage: () => `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`,
    },
  });
