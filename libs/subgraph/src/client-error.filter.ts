import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Hands GraphQL errors (BAD_USER_INPUT, FORBIDDEN, …) straight to Apollo: they are answers to
 * clients, not server faults, so Nest should not log them with a stack trace.
 */
@Catch(GraphQLError)
export class ClientErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
