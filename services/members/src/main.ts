import { bootstrapSubgraph } from '@jiceng/subgraph';
import { MEMBERS_SETTINGS, SERVICE_NAME } from './members.env';

void bootstrapSubgraph(async () => (await import('./app.module')).AppModule, {
  name: SERVICE_NAME,
  settings: MEMBERS_SETTINGS,
});
