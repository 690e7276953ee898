import mongoose from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';

/** Drops a suite's scratch databases (each on a connection of its own, closed afterwards). */
export async function dropDatabases(...names: string[]): Promise<void> {
  for (const dbName of names) {
    const connection = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
    try {
      await connection.dropDatabase();
    } finally {
      await connection.close();
    }
  }
}
