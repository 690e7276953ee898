import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

export interface ListOptions {
  /** Fewest items; none by default. */
  min?: number;
  /** Most items: every list input is bounded, so one request cannot carry unbounded work. */
  max: number;
  optional?: boolean;
}

/**
 * A list of nested inputs, each validated as `item`: `@ListOf(() => AttendanceInput, { min: 1,
 * max: 200 }) attendance!: AttendanceInput[];`.
 */
export function ListOf(item: () => new () => object, options: ListOptions): PropertyDecorator {
  const decorators = [
    ...(options.optional ? [IsOptional()] : []),
    IsArray(),
    ...(options.min ? [ArrayMinSize(options.min)] : []),
    ArrayMaxSize(options.max),
    ValidateNested({ each: true }),
    Type(item),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}
