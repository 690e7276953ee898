import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { mongoSettingsFromEnv, withReadTimeout } from '@jiceng/mongo';

/**
 * Handles the rest of a GraphQL request inside `withReadTimeout`, so each of its Mongo reads
 * gets MONGO_READ_TIMEOUT_MS as `maxTimeMS`; work the request does not wait for is not in it.
 */
@Injectable()
export class ReadTimeoutMiddleware implements NestMiddleware {
  private readonly maxTimeMS = mongoSettingsFromEnv().readTimeoutMs;

  use(_req: Request, _res: Response, next: NextFunction): void {
    withReadTimeout(this.maxTimeMS, next);
  }
}
