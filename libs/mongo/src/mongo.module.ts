import { Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { readSettings } from '@jiceng/config';
import {
  mongoClientOptions,
  mongoDatabaseSetting,
  mongoSettingsFromEnv,
  mongoUrlFromEnv,
} from './mongo-options';
import { traceMongoCommands } from './command-spans';
import { readTimeoutPlugin } from './read-timeout';

@Injectable()
export class MongoHealth {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async check(): Promise<boolean> {
    try {
      await this.connection.db?.admin().ping();
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Builds every model's indexes before the application starts serving: a unique index must exist
 * before the first write relies on it, and the local Mongo-wire server fails writes that race
 * an index build.
 */
@Injectable()
export class MongoIndexes implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    await Promise.all(Object.values(this.connection.models).map((model) => model.init()));
  }
}

/** Counts the commands this service sends to MongoDB, by name (served on /metrics). */
export class MongoCommandStats {
  private readonly counts = new Map<string, number>();

  record(commandName: string): void {
    this.counts.set(commandName, (this.counts.get(commandName) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

@Module({})
export class MongoModule {
  /**
   * One database per service (`jiceng_<service>` unless MONGO_DB overrides it) on MONGO_URL,
   * with the pool settings of `mongoClientOptions` and the request read timeout on every model.
   */
  static forService(service: string): DynamicModule {
    const stats = new MongoCommandStats();
    const connection = MongooseModule.forRootAsync({
      useFactory: () => ({
        monitorCommands: true,
        connectionFactory: (conn: Connection) => {
          conn.getClient().on('commandStarted', (event) => stats.record(event.commandName));
          traceMongoCommands(conn.getClient());
          // Before the feature modules compile their models on this connection.
          conn.plugin(readTimeoutPlugin);
          return conn;
        },
        uri: mongoUrlFromEnv(),
        dbName: readSettings({ db: mongoDatabaseSetting(service) }).db,
        ...mongoClientOptions(mongoSettingsFromEnv()),
        // Indexes are declared on the schemas and built at start; the local server lacks
        // transactions, so nothing here relies on them.
        autoIndex: true,
      }),
    });
    return {
      module: MongoModule,
      global: true,
      imports: [connection],
      providers: [MongoHealth, MongoIndexes, { provide: MongoCommandStats, useValue: stats }],
      exports: [connection, MongoHealth, MongoCommandStats],
    };
  }
}
