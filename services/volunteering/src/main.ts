import { bootstrapSubgraph } from '@jiceng/subgraph';
import { AppModule, SERVICE_NAME } from './app.module';
import { VOLUNTEERING_DEFAULT_PORT } from './volunteering.env';

void bootstrapSubgraph(AppModule, { name: SERVICE_NAME, defaultPort: VOLUNTEERING_DEFAULT_PORT });
