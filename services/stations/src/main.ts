import { bootstrapSubgraph } from '@jiceng/subgraph';
import { STATIONS_SETTINGS, SERVICE_NAME } from './stations.env';

void bootstrapSubgraph(async () => (await import('./app.module')).AppModule, {
  name: SERVICE_NAME,
  settings: STATIONS_SETTINGS,
});
