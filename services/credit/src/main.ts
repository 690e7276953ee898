import { bootstrapSubgraph } from '@jiceng/subgraph';
import { AppModule, SERVICE_NAME } from './app.module';
import { CREDIT_DEFAULT_PORT } from './credit.env';

void bootstrapSubgraph(AppModule, { name: SERVICE_NAME, defaultPort: CREDIT_DEFAULT_PORT });
