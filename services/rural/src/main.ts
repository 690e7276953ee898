import { bootstrapSubgraph } from '@jiceng/subgraph';
import { AppModule } from './app.module';
import { SERVICE_NAME } from './rural.env';

void bootstrapSubgraph(AppModule, { name: SERVICE_NAME });
