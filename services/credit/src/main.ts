import { bootstrapSubgraph } from '@jiceng/subgraph';
import { CREDIT_SETTINGS, SERVICE_NAME } from './credit.env';

void bootstrapSubgraph(async () => (await import('./app.module')).AppModule, {
  name: SERVICE_NAME,
  settings: CREDIT_SETTINGS,
});
