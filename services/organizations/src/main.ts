import { bootstrapSubgraph } from '@jiceng/subgraph';
import { ORGANIZATIONS_SETTINGS, SERVICE_NAME } from './organizations.env';

void bootstrapSubgraph(async () => (await import('./app.module')).AppModule, {
  name: SERVICE_NAME,
  settings: ORGANIZATIONS_SETTINGS,
});
