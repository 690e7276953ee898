import { bootstrapSubgraph } from '@jiceng/subgraph';
import { RURAL_SETTINGS, SERVICE_NAME } from './rural.env';

void bootstrapSubgraph(async () => (await import('./app.module')).AppModule, {
  name: SERVICE_NAME,
  settings: RURAL_SETTINGS,
});
