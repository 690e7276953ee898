package local.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Local MongoDB-wire-protocol server (mongo-java-server) backed by an on-disk H2 MVStore file,
 * so data survives restarts.
 *
 * Usage: MongoWireServer <host> <port> <data-file>
 */
public final class MongoWireServer {

    /**
     * The server version reported in hello/buildInfo. mongo-java-server 1.47 reports wire version 8
     * even for its MONGO_5_0 constant, and the MongoDB Node driver 7 (mongoose 9) rejects servers
     * below wire version 9. The reported version only affects the handshake, not server behaviour.
     */
    private static final MongoVersion REPORTED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(6, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 17; // MongoDB 6.0
        }
    };

    private MongoWireServer() {
    }

    /**
     * mongo-java-server 1.47 only knows the legacy isMaster handshake. Drivers use it too unless
     * `serverApi`/load balancing is configured, and tools like mongosh send `hello`: answer that alike.
     */
    private static final class Backend extends H2Backend {
        Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equals(command)) {
                Document reply = super.handleCommand(channel, databaseName, "isMaster", query);
                reply.put("isWritablePrimary", reply.get("ismaster"));
                return reply;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: MongoWireServer <host> <port> <data-file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dataFile = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(dataFile.getParent());

        H2Backend backend = new Backend(dataFile.toString());
        backend.version(REPORTED_VERSION);
        MongoServer server = new MongoServer(backend);

        // SIGTERM from `infra.mjs down`: shutdownNow() also closes the backend, i.e. flushes the MVStore file.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-shutdown"));

        server.bind(host, port);
        // infra.mjs waits for this line (and a successful hello) before reporting the server as up.
        System.out.println("MongoWireServer listening on " + host + ":" + port + " (data: " + dataFile + ")");
    }
}
