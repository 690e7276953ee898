import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SubgraphMetrics } from './subgraph-metrics';

/** Prometheus text for the scraper (no token; like the gateway's, for the internal network only). */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly subgraphMetrics: SubgraphMetrics) {}

  @Get()
  async metrics(@Res() res: Response): Promise<void> {
    const { registry } = this.subgraphMetrics;
    res.type(registry.contentType).send(await registry.metrics());
  }
}
