import { bootstrapSubgraph } from '@jiceng/subgraph';
import { AppModule } from './app.module';
import { RURAL_DEFAULT_PORT, SERVICE_NAME } from './rural.env';

void bootstrapSubgraph(AppModule, { name: SERVICE_NAME, defaultPort: RURAL_DEFAULT_PORT });
