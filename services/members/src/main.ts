import { bootstrapSubgraph } from '@jiceng/subgraph';
import { AppModule, SERVICE_NAME } from './app.module';

void bootstrapSubgraph(AppModule, { name: SERVICE_NAME });
