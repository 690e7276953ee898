import { GraphQLScalarType, valueFromASTUntyped, type ValueNode } from 'graphql';

/**
 * What a custom scalar's input side returns for a value it cannot read, in place of throwing.
 *
 * graphql-js reports a throwing `parseLiteral` as a validation error and a throwing `parseValue`
 * as a variable-coercion error; both come back from the subgraph with HTTP 400, which the gateway
 * relays as INTERNAL_SERVER_ERROR, and neither says which input field was wrong. Handing this
 * marker on instead lets ArgumentValidationPipe report it as BAD_USER_INPUT naming the field
 * (`input.startsAt`), the same way for literals and variables and for every scalar.
 */
export class InvalidScalarInput {
  constructor(
    readonly scalar: string,
    readonly message: string,
  ) {}
}

export interface InputScalarConfig<T> {
  name: string;
  description: string;
  /** Why a value is refused, shown to the client after the field path, e.g. `must be …`. */
  invalidMessage: string;
  /** The internal value of a JSON input (a variable, or a literal read as JSON); undefined if invalid. */
  parse: (value: unknown) => T | undefined;
  /** The output side: throws on a value that is not of the scalar (a server fault, not input). */
  serialize: (value: unknown) => unknown;
}

/**
 * A custom scalar whose invalid inputs become BAD_USER_INPUT naming the field: every custom
 * scalar of the platform is made with this, so they all refuse input the same way.
 */
export function inputScalar<T>(config: InputScalarConfig<T>): GraphQLScalarType {
  const read = (value: unknown): T | InvalidScalarInput =>
    config.parse(value) ?? new InvalidScalarInput(config.name, config.invalidMessage);
  return new GraphQLScalarType({
    name: config.name,
    description: config.description,
    serialize: config.serialize,
    parseValue: read,
    // Literals are read as the same JSON a variable would carry, so both are judged alike.
    parseLiteral: (ast: ValueNode, variables) => read(valueFromASTUntyped(ast, variables)),
  });
}
