import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { badUserInput, type FieldError } from './errors';
import { InvalidScalarInput } from './input-scalar';
import { TextLimit, textProblem } from './text';

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

// GraphQL hands input objects over as plain objects (some without a prototype); anything else
// (a Date a scalar made, an ObjectId) is a value, not a container to walk into.
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
};

/**
 * The argument with every string trimmed (so a name of only spaces is an empty name, which the
 * field's validator refuses), and the problems every field has whatever its DTO says: custom
 * scalar values that could not be read, and strings too long or with control characters even
 * for a multi-line text (the cap on fields no decorator describes).
 */
export function normalizeArgument(
  value: unknown,
  path: string,
): { value: unknown; scalarErrors: FieldError[]; textErrors: FieldError[] } {
  const scalarErrors: FieldError[] = [];
  const textErrors: FieldError[] = [];
  const walk = (v: unknown, at: string): unknown => {
    if (typeof v === 'string') {
      const trimmed = v.trim();
      const problem = textProblem(trimmed, { min: 0, max: TextLimit.TEXT, multiline: true });
      if (problem) textErrors.push({ field: at, message: problem });
      return trimmed;
    }
    if (v instanceof InvalidScalarInput) {
      scalarErrors.push({ field: at, message: v.message });
      return v;
    }
    const child = (key: string | number) => (at ? `${at}.${key}` : String(key));
    if (Array.isArray(v)) return v.map((item, i) => walk(item, child(i)));
    if (isPlainObject(v)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) copy[key] = walk(item, child(key));
      return copy;
    }
    return v;
  };
  return { value: walk(value, path), scalarErrors, textErrors };
}

// A field class-validator already faults (`input.tags`) covers the cap's finding in it (`input.tags.1`).
const coveredBy = (reported: FieldError[]) => (e: FieldError) =>
  !reported.some((r) => e.field === r.field || e.field.startsWith(`${r.field}.`));

// Nest runs global pipes on every resolver parameter: @Args() come as 'body', @Context() and
// @Parent() as 'custom'. Only arguments are input; the context in particular must reach the
// resolver as the very object request loaders batch by, never a copy.
const isGraphQLArgument = (metadata: ArgumentMetadata) => metadata.type === 'body';

/**
 * class-validator on every argument class, reported as one BAD_USER_INPUT error that lists each
 * offending field by its path from the argument (`input.regionCode`, `filter.kinds`); unknown
 * fields are rejected, not silently dropped. Strings are trimmed before validation, and scalar
 * values that could not be read are reported here too (see `normalizeArgument`).
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
    if (!isGraphQLArgument(metadata)) return value;
    const prefix = metadata.data ?? '';
    const normalized = normalizeArgument(value, prefix);
    // An unread scalar is not a value class-transformer could hand on: report it alone.
    if (normalized.scalarErrors.length > 0) throw badUserInput(normalized.scalarErrors);
    let result: unknown;
    let reported: FieldError[] = [];
    try {
      result = await super.transform(normalized.value, metadata);
    } catch (error) {
      if (!(error instanceof ArgumentErrors)) throw error;
      reported = flatten(error.errors, prefix);
    }
    // The field's own decorator says it best (`must be one line…`); the cap speaks for the rest.
    const fields = [...reported, ...normalized.textErrors.filter(coveredBy(reported))];
    if (fields.length > 0) throw badUserInput(fields);
    return result;
  }
}
