import { bootstrapSubgraph } from '@jiceng/subgraph';
import { VOLUNTEERING_SETTINGS, SERVICE_NAME } from './volunteering.env';

void bootstrapSubgraph(async () => (await import('./app.module')).AppModule, {
  name: SERVICE_NAME,
  settings: VOLUNTEERING_SETTINGS,
});
