import { registerDecorator, type ValidationArguments } from 'class-validator';
import { creditCodeProblem } from '../credit-code';

export function IsCreditCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: ({ value }: ValidationArguments) =>
          typeof value === 'string' ? (creditCodeProblem(value) as string) : 'must be a string',
      },
    });
}
