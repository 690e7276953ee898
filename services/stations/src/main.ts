import { bootstrapSubgraph } from '@jiceng/subgraph';
import { AppModule, SERVICE_NAME } from './app.module';
import { STATIONS_DEFAULT_PORT } from './stations.env';

void bootstrapSubgraph(AppModule, { name: SERVICE_NAME, defaultPort: STATIONS_DEFAULT_PORT });
