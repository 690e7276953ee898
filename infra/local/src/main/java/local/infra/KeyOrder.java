package local.infra;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the unique-index maps: H2's ObjectDataType (same bytes on disk) with an ordering
 * that compares index keys directly.
 *
 * ObjectDataType orders objects it does not know (mongo-java-server's KeyValue) by serializing both
 * with ObjectOutputStream on every comparison: an index lookup cost some 17 pairs of Java
 * serializations, which made every unique-index read and write, `_id` lookups included, the
 * server's hottest code. Here keys compare value by value in MongoDB's BSON order.
 */
final class KeyOrder extends ObjectDataType {

    static final KeyOrder INSTANCE = new KeyOrder();

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private KeyOrder() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (!(a instanceof KeyValue) || !(b instanceof KeyValue)) {
            return super.compare(a, b);
        }
        KeyValue x = (KeyValue) a;
        KeyValue y = (KeyValue) b;
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int order = compareValues(x.get(i), y.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    /** BSON order, except that numbers of equal value but different precision stay distinct. */
    private static int compareValues(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            int order = Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
            return order != 0 ? order : Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        return VALUES.compare(a, b);
    }
}
