package local.infra;

import java.util.Collection;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, adjusted where it differs from MongoDB in ways the platform feels:
 * <ul>
 * <li>`hello` is answered like the legacy `isMaster` (mongosh and `serverApi` clients send it);</li>
 * <li>`maxTimeMS` is honoured: a scan past its deadline fails with MongoDB's code 50;</li>
 * <li>queries pinning a unique index's keys use it ({@link IndexFirstCollection});</li>
 * <li>index keys compare without Java serialization ({@link KeyOrder});</li>
 * <li>an aggregation that starts with `$match` filters while it scans, through the same planner,
 * instead of first copying the whole collection into memory.</li>
 * </ul>
 * A stock backend (only the handshake adjusted) is kept for benchmarks that compare the two.
 */
final class LocalBackend extends H2Backend {

    /** `-Dlocal.infra.stock=true`: run mongo-java-server as shipped, for benchmarks. */
    static final String STOCK_PROPERTY = "local.infra.stock";

    private final boolean stock;

    LocalBackend(MVStore store, boolean stock) {
        super(store);
        this.stock = stock;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equals(command)) {
            Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
            reply.put("isWritablePrimary", reply.get("ismaster"));
            return reply;
        }
        if (stock) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Deadline.begin(query.get("maxTimeMS"));
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } catch (MongoServerError e) {
            // The aggregation framework wraps stage errors (PlanExecutorError); MongoDB reports code 50.
            throw Deadline.passed() ? Deadline.expired() : e;
        } finally {
            Deadline.end();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // `stock` is not assigned yet while H2Backend's constructor opens the existing databases,
        // so a stock server must also be told by the system property.
        return stock || Boolean.getBoolean(STOCK_PROPERTY) ? super.openOrCreateDatabase(databaseName)
            : new LocalDatabase(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor already opens the existing collections
     * through {@link #openOrCreateCollection}, before any field of a subclass is assigned, and the
     * enclosing backend (which javac assigns before the super constructor runs) holds the store.
     */
    private final class LocalDatabase extends H2Database {

        LocalDatabase(String databaseName) {
            super(databaseName, LocalBackend.this.getMvStore(), LocalBackend.this.getCursorRegistry());
        }

        /**
         * Index maps under names of their own (`._keys_`, not H2Database's `._index_`): they are
         * ordered by {@link KeyOrder}, so a map written with the stock ordering must not be read
         * with it. An existing database therefore builds its indexes once from its documents.
         */
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> map = LocalBackend.this.getMvStore().openMap(
                indexMapName(collectionName, indexName), new MVMap.Builder().keyType(KeyOrder.INSTANCE));
            return new OrderedUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            LocalBackend.this.getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName));
        }

        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._keys_" + indexName;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // The same maps H2Database names for a collection (its prefixes are not public).
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = LocalBackend.this.getMvStore();
            MVMap<Object, Document> dataMap = store.openMap("databases." + fullName);
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new IndexFirstCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if ("aggregate".equalsIgnoreCase(command)) {
                Document reply = aggregateFromLeadingMatch(command, query, databaseResolver, oplog);
                if (reply != null) {
                    return reply;
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        /**
         * Runs `[{ $match: f }, ...rest]` as a planned query for `f` feeding the rest of the pipeline,
         * which is what MongoDB does with a leading $match. Null when the stock path must run it:
         * pipeline variables (`let`, `$expr`) and change streams depend on stage-time context.
         */
        private Document aggregateFromLeadingMatch(String command, Document query,
                                                   DatabaseResolver databaseResolver, Oplog oplog) {
            if (!(query.get(command) instanceof String) || query.containsKey("let") || query.containsKey("explain")) {
                return null;
            }
            Object pipelineObject = query.get("pipeline");
            if (!(pipelineObject instanceof List) || ((List<?>) pipelineObject).isEmpty()) {
                return null;
            }
            List<Document> pipeline = Aggregation.parse(pipelineObject);
            Document first = pipeline.get(0);
            if (first.size() != 1 || !(first.get("$match") instanceof Document)) {
                return null;
            }
            Document match = (Document) first.get("$match");
            if (mentionsExpression(match)) {
                return null;
            }
            String collectionName = (String) query.get(command);
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (collection == null) {
                return null;
            }
            Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), databaseResolver,
                this, collection, oplog);
            rest.validate(query);
            List<Document> results = rest.runStages(collection.handleQueryAsStream(match));

            Document cursor = new Document();
            cursor.put("id", Long.valueOf(0));
            cursor.put("ns", getFullCollectionNamespace(collectionName));
            cursor.put("firstBatch", results);
            Document reply = new Document("cursor", cursor);
            reply.put("ok", 1.0);
            return reply;
        }
    }

    /** True when a filter contains `$expr` (or `$where`) anywhere, which may read pipeline variables. */
    private static boolean mentionsExpression(Object filter) {
        if (filter instanceof Document) {
            for (String key : ((Document) filter).keySet()) {
                if ("$expr".equals(key) || "$where".equals(key) || mentionsExpression(((Document) filter).get(key))) {
                    return true;
                }
            }
        } else if (filter instanceof Collection) {
            for (Object element : (Collection<?>) filter) {
                if (mentionsExpression(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
