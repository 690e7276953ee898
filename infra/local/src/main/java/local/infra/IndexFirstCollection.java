package local.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that plans a query the way MongoDB's unique indexes would.
 *
 * Stock mongo-java-server uses an index only when the filter's keys are exactly the index's keys:
 * `{ _id: x }` is a lookup, but `{ _id: x, version: 3 }` (every compare-and-set in this platform)
 * scans the whole collection. Here a filter that pins every key of a unique index, by equality or
 * (single-key indexes) `$in`, fetches its candidates through that index and then applies the whole
 * filter to them, as MongoDB does. Finds, counts, updates, deletes and findAndModify all plan
 * through {@link #queryDocuments}. Non-unique indexes are still never built (see README).
 *
 * Every examined document also checks the command's maxTimeMS ({@link Deadline}).
 */
final class IndexFirstCollection extends H2Collection {

    IndexFirstCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                         MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                         CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        for (Index<Object> index : uniqueIndexesIdFirst()) {
            Document narrowed = narrowedTo(index, query);
            if (narrowed != null && index.canHandle(narrowed)) {
                Iterable<Object> candidates = index.getPositions(narrowed);
                return matchDocuments(residual(query, narrowed), candidates, orderBy, numberToSkip, limit,
                    batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Deadline.examined();
        return super.documentMatchesQuery(document, query);
    }

    /**
     * The filter left to apply to the index's candidates: the index already selected exactly the
     * documents whose keys equal the pinned points, so those conditions are dropped. Matching a
     * large `$in` again would compare every candidate with every listed value.
     */
    private static Document residual(Document query, Document narrowed) {
        Document rest = new Document();
        for (String key : query.keySet()) {
            if (!narrowed.containsKey(key)) {
                rest.put(key, query.get(key));
            } else if (query.get(key) instanceof Document && ((Document) query.get(key)).size() > 1) {
                rest.put(key, query.get(key)); // `$in` beside other operators: keep them all
            }
        }
        return rest;
    }

    private List<Index<Object>> uniqueIndexesIdFirst() {
        List<Index<Object>> ordered = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (!index.isUnique()) {
                continue;
            }
            boolean isIdIndex = index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey());
            ordered.add(isIdIndex ? 0 : ordered.size(), index);
        }
        return ordered;
    }

    /**
     * The part of the filter that the index can answer: a point condition for each of its keys, or
     * null when some key is not pinned to points (then the index cannot bound the candidates).
     */
    private static Document narrowedTo(Index<Object> index, Document query) {
        List<IndexKey> keys = index.getKeys();
        Document narrowed = new Document();
        for (IndexKey key : keys) {
            Object point = pointCondition(query.get(key.getKey()), keys.size() == 1);
            if (point == null) {
                return null;
            }
            narrowed.put(key.getKey(), point);
        }
        return narrowed;
    }

    /**
     * A condition that selects index entries by value: equality to a scalar (`x` or `{ $eq: x }`), or,
     * for a single-key index, `{ $in: [scalars] }` (other operators beside `$in` are still applied
     * by the full filter afterwards). Null, arrays, sub-documents and regular expressions are left to
     * the stock planner, whose semantics for them differ from a key lookup.
     */
    private static Object pointCondition(Object condition, boolean allowIn) {
        if (isScalar(condition)) {
            return condition;
        }
        if (!(condition instanceof Document)) {
            return null;
        }
        Document operators = (Document) condition;
        if (operators.containsKey("$eq") && isScalar(operators.get("$eq"))) {
            return operators.get("$eq");
        }
        Object in = operators.get("$in");
        if (allowIn && in instanceof Collection && ((Collection<?>) in).stream().allMatch(IndexFirstCollection::isScalar)) {
            return new Document("$in", in);
        }
        return null;
    }

    private static boolean isScalar(Object value) {
        return value != null
            && !(value instanceof Document)
            && !(value instanceof Collection)
            && !BsonRegularExpression.isRegularExpression(value);
    }
}
