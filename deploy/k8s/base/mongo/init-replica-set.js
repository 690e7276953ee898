/* global rs, db, sleep, connect, print -- mongosh's shell globals */
// Run by the mongo-init Job (init-job.yaml) with mongosh, connected directly to mongo-0 as
// the root user. Each step is skipped when already done, so the Job may run again.
const MEMBERS = ['mongo-0.mongo:27017', 'mongo-1.mongo:27017', 'mongo-2.mongo:27017'];

try {
  rs.status();
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  rs.initiate({ _id: 'rs0', members: MEMBERS.map((host, _id) => ({ _id, host })) });
}

// Users are written on the primary; wait until this member is it (or another one is).
while (!db.hello().primary) sleep(1000);
const primary = connect(`mongodb://${db.hello().primary}/admin?directConnection=true`);
primary.auth(process.env.MONGO_INITDB_ROOT_USERNAME, process.env.MONGO_INITDB_ROOT_PASSWORD);

// The apps' user: each subgraph reads and writes its own database (jiceng_<service>, or
// MONGO_DB) and nothing of the cluster's administration.
const username = process.env.MONGO_APP_USERNAME;
if (!primary.getUser(username)) {
  primary.createUser({
    user: username,
    pwd: process.env.MONGO_APP_PASSWORD,
    roles: [{ role: 'readWriteAnyDatabase', db: 'admin' }],
  });
  print(`created user ${username}`);
}
print('replica set rs0 ready');
