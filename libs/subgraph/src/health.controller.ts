import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { KafkaHealth } from '@jiceng/kafka';
import { MongoHealth } from '@jiceng/mongo';

@Controller('health')
export class HealthController {
  constructor(
    private readonly mongo: MongoHealth,
    private readonly kafka: KafkaHealth,
  ) {}

  @Get()
  async check() {
    const [mongo, kafka] = await Promise.all([this.mongo.check(), this.kafka.check()]);
    const body = { status: mongo && kafka ? 'ok' : 'degraded', mongo, kafka };
    if (!mongo || !kafka) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
