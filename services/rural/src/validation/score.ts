import { ValidateBy } from 'class-validator';

/** Scores (评分) of evaluations, juries and acceptances are whole numbers from 0 to 100. */
export const IsScore = (): PropertyDecorator =>
  ValidateBy({
    name: 'isScore',
    validator: {
      validate: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100,
      defaultMessage: () => 'must be a whole number from 0 to 100',
    },
  });
