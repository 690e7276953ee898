import { registerDecorator, type ValidationArguments } from 'class-validator';
import { idNumberProblem } from '../../personal-data/id-number';
import { phoneProblem } from '../../personal-data/phone';

function fromProblem(name: string, problem: (value: string) => string | null): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problem(value) === null,
        defaultMessage: ({ value }: ValidationArguments) =>
          typeof value === 'string' ? (problem(value) as string) : 'must be a string',
      },
    });
}

/** A resident ID number that passes the GB 11643 check digit. */
export const IsIdNumber = () => fromProblem('isIdNumber', (v) => idNumberProblem(v));

export const IsMobilePhone = () => fromProblem('isMobilePhone', phoneProblem);

/** A calendar date written YYYY-MM-DD. */
export const IsCalendarDate = () =>
  fromProblem('isCalendarDate', (value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      !Number.isNaN(date.getTime()) &&
      date.toISOString().startsWith(value)
      ? null
      : 'must be a date written YYYY-MM-DD';
  });
