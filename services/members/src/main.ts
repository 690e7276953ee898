import { bootstrapSubgraph } from '@jiceng/subgraph';
import { AppModule, SERVICE_NAME } from './app.module';
import { MEMBERS_DEFAULT_PORT } from './members.env';

void bootstrapSubgraph(AppModule, { name: SERVICE_NAME, defaultPort: MEMBERS_DEFAULT_PORT });
