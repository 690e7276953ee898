import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { badUserInput, type FieldError } from './errors';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

class ArgumentErrors extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid argument');
  }
}

/**
 * class-validator on every argument class, reported as one BAD_USER_INPUT error that lists each
 * offending field by its path from the argument (`input.regionCode`, `filter.kinds`); unknown
 * fields are rejected, not silently dropped.
 */
export class ArgumentValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors) => new ArgumentErrors(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof ArgumentErrors)
        throw badUserInput(flatten(error.errors, metadata.data ?? ''));
      throw error;
    }
  }
}
