import { readSettings } from '@jiceng/config';
import { createLogger, LOG_SETTINGS } from '@jiceng/logging';
import { startTracing } from '@jiceng/telemetry';
import { gatewayConfigFromEnv } from './gateway.config';

const logger = createLogger('gateway', readSettings(LOG_SETTINGS).format);

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  // Before the gateway's modules load: the HTTP instrumentation patches what they will use.
  await startTracing('gateway');
  const { createGateway } = await import('./gateway.server');
  const { app } = await createGateway(config);
  const server = app.listen(config.port, config.host, () => {
    logger.info(`gateway ready at http://${config.host}:${config.port}/graphql`);
  });
  server.keepAliveTimeout = 65_000;
  const shutdown = () => server.close(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error) => {
  logger.error(
    `gateway failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
