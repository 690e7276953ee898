import { inputScalar } from '@jiceng/graphql';
import { ValidateBy } from 'class-validator';

/** A whole, non-negative amount of fen that a JavaScript number holds exactly. */
export const isFen = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const FEN_MESSAGE = 'must be a whole number of fen from 0 to 9007199254740991';

/** class-validator: the field is a whole, non-negative, safe amount of fen. */
export const IsFen = (): PropertyDecorator =>
  ValidateBy({
    name: 'isFen',
    validator: { validate: isFen, defaultMessage: () => FEN_MESSAGE },
  });

/**
 * Only a JSON number is an amount: "100" or `{"$gt": 0}` is refused as BAD_USER_INPUT naming
 * the field (`input.amountFen`), like a negative, fractional or too large one.
 */
export const FenScalar = inputScalar<number>({
  name: 'Fen',
  description: 'Money in fen (分): a whole number from 0 to 2^53 − 1, as a JSON number.',
  invalidMessage: FEN_MESSAGE,
  parse: (value) => (isFen(value) ? value : undefined),
  serialize: (value) => {
    if (!isFen(value)) throw new Error(`${String(value)} is not an amount of fen`);
    return value;
  },
});
