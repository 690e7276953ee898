import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import {
  AuthError,
  CLAIMS_HEADER,
  claimsSecretFromEnv,
  verifyClaimsHeader,
  type Claims,
} from '@jiceng/auth';

export interface RequestWithClaims extends Request {
  claims?: Claims;
}

/**
 * Every GraphQL request, `_entities` and `_service` included, must carry claims signed by the
 * gateway; anything else is answered 401 before it reaches a resolver.
 */
@Injectable()
export class ClaimsMiddleware implements NestMiddleware {
  private readonly secret = claimsSecretFromEnv();

  use(req: RequestWithClaims, res: Response, next: NextFunction): void {
    try {
      req.claims = verifyClaimsHeader(req.header(CLAIMS_HEADER), this.secret);
      next();
    } catch (error) {
      const message = error instanceof AuthError ? error.message : 'Invalid signed claims';
      res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  }
}
