import { registerDecorator, type ValidationArguments } from 'class-validator';
import { regionCodeProblem } from '@jiceng/geo';

export function IsRegionCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRegionCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && regionCodeProblem(value) === null,
        defaultMessage: ({ value }: ValidationArguments) =>
          typeof value === 'string' ? (regionCodeProblem(value) as string) : 'must be a string',
      },
    });
}
