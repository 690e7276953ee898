import { Controller, Get, Header } from '@nestjs/common';
import { MongoCommandStats } from '@jiceng/mongo';

/** Prometheus text format; the Mongo command counts show whether reads are batched. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly mongo: MongoCommandStats) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): string {
    const lines = ['# TYPE jiceng_mongo_commands_total counter'];
    for (const [command, count] of Object.entries(this.mongo.snapshot())) {
      lines.push(`jiceng_mongo_commands_total{command="${command}"} ${count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
