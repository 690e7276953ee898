import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The platform's maxima for free text, in characters (Unicode code points), decided once:
 * - NAME: a name of a person, organization, project, station, fund… (one line);
 * - TITLE: a title, theme, address or other one-line label longer than a name;
 * - TEXT: a description, reason, note, report, minutes… (may span lines). It is also the cap
 *   ArgumentValidationPipe puts on every string argument, decorated or not.
 * A field with a tighter domain limit (a member's name, a tag) passes its own `max`.
 */
export const TextLimit = { NAME: 100, TITLE: 200, TEXT: 5000 } as const;

export interface TextOptions {
  /** Fewest characters after trimming; 1 for names and lines (an empty one is refused), 0 for text. */
  min?: number;
  max?: number;
  /** The field is a list of such strings. */
  each?: boolean;
}

// Control (Cc) and format (Cf) characters and lone surrogates: NUL, escape sequences,
// bidirectional overrides (U+202A–U+202E, U+2066–U+2069) and zero-width characters (U+200B–U+200D,
// U+FEFF) that make one name look like another or break what displays or stores it.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}]/u;
const UNSAFE_IN_TEXT = /(?![\n\t])[\p{Cc}\p{Cf}\p{Cs}]/u;

const hex = (char: string) =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a (trimmed) string may not be stored as a single-line or multi-line text field, or null.
 * Length counts code points, so a character outside the BMP counts once.
 */
export function textProblem(
  value: unknown,
  { min = 1, max, multiline }: { min?: number; max: number; multiline: boolean },
): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const unsafe = (multiline ? UNSAFE_IN_TEXT : UNSAFE).exec(value);
  if (unsafe)
    return multiline
      ? `must not contain control or invisible formatting characters other than line breaks and tabs (found ${hex(unsafe[0])})`
      : `must be one line without control or invisible formatting characters (found ${hex(unsafe[0])})`;
  const length = [...value].length;
  if (length < min)
    return min === 1 ? 'must not be empty' : `must be at least ${min} characters long`;
  if (length > max) return `must be at most ${max} characters long`;
  return null;
}

function textDecorator(
  name: string,
  defaults: { min: number; max: number },
  multiline: boolean,
  options: TextOptions,
): PropertyDecorator {
  const rule = { min: options.min ?? defaults.min, max: options.max ?? defaults.max, multiline };
  const validationOptions: ValidationOptions = { each: options.each };
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => textProblem(value, rule) === null,
        // With `each`, the message is built once for the whole list: name the first bad item.
        defaultMessage: (args) => {
          const values: unknown[] = Array.isArray(args?.value) ? args.value : [args?.value];
          for (const value of values) {
            const problem = textProblem(value, rule);
            if (problem) return problem;
          }
          return 'is invalid';
        },
      },
    },
    validationOptions,
  );
}

/** A name (one line, at most TextLimit.NAME characters, not empty once trimmed). */
export const IsName = (options: TextOptions = {}): PropertyDecorator =>
  textDecorator('isName', { min: 1, max: TextLimit.NAME }, false, options);

/** A one-line text such as a title or an address (at most TextLimit.TITLE characters). */
export const IsLine = (options: TextOptions = {}): PropertyDecorator =>
  textDecorator('isLine', { min: 1, max: TextLimit.TITLE }, false, options);

/** A multi-line text (line breaks and tabs allowed; at most TextLimit.TEXT characters). */
export const IsText = (options: TextOptions = {}): PropertyDecorator =>
  textDecorator('isText', { min: 0, max: TextLimit.TEXT }, true, options);
