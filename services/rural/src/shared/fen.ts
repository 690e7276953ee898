import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { ValidateBy } from 'class-validator';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

/** A whole, non-negative amount of fen that a JavaScript number holds exactly. */
export const isFen = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** class-validator: the field is a whole, non-negative, safe amount of fen. */
export const IsFen = (): PropertyDecorator =>
  ValidateBy({
    name: 'isFen',
    validator: {
      validate: isFen,
      defaultMessage: () => 'must be a whole number of fen from 0 to 9007199254740991',
    },
  });

const notANumber = () =>
  new GraphQLError('Fen must be a number', { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Inputs pass any number through, so that class-validator reports a negative or fractional
 * amount with its field path (`input.amountFen`); outputs are checked strictly.
 */
@Scalar('Fen')
export class FenScalar implements CustomScalar<number, number> {
  description = 'Money in fen (分): a whole number from 0 to 2^53 − 1, as a JSON number.';

  parseValue(value: unknown): number {
    if (typeof value !== 'number') throw notANumber();
    return value;
  }

  serialize(value: unknown): number {
    if (!isFen(value)) throw new Error(`${String(value)} is not an amount of fen`);
    return value;
  }

  parseLiteral(ast: ValueNode): number {
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
    throw notANumber();
  }
}
