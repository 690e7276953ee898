package local.infra;

import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * The `maxTimeMS` of the command running on this thread. mongo-java-server ignores maxTimeMS, so a
 * runaway scan used to hold its connection for as long as it took; MongoDB cuts it off with code 50.
 * Every connection has a thread of its own here (see MongoWireServer), so a thread-local is the
 * command's own deadline.
 */
final class Deadline {

    /** How many documents a scan examines between two clock reads. */
    private static final int CHECK_EVERY = 256;

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final long endNanos;
    private int examined;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** Starts the deadline of a command whose document carries a positive `maxTimeMS`. */
    static void begin(Object maxTimeMS) {
        if (maxTimeMS instanceof Number && ((Number) maxTimeMS).longValue() > 0) {
            CURRENT.set(new Deadline(System.nanoTime() + ((Number) maxTimeMS).longValue() * 1_000_000L));
        } else {
            CURRENT.remove();
        }
    }

    static void end() {
        CURRENT.remove();
    }

    /** True once the current command is past its deadline. */
    static boolean passed() {
        Deadline deadline = CURRENT.get();
        return deadline != null && System.nanoTime() - deadline.endNanos > 0;
    }

    /** Called for every document a scan examines; throws MongoDB's MaxTimeMSExpired once late. */
    static void examined() {
        Deadline deadline = CURRENT.get();
        if (deadline != null && ++deadline.examined % CHECK_EVERY == 0 && passed()) {
            throw expired();
        }
    }

    static MongoServerError expired() {
        return new MongoServerError(50, "MaxTimeMSExpired", "operation exceeded time limit");
    }

}
