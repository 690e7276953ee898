package local.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * Local MongoDB-wire-protocol server (mongo-java-server) backed by an on-disk H2 MVStore file,
 * so data survives restarts.
 *
 * Usage: MongoWireServer <host> <port> <data-file> [<cache-mb>]
 *
 * Two things differ from mongo-java-server's own MongoServer.bind():
 * <ul>
 * <li>the MVStore page cache is sized for the demo (default 512 MB instead of H2's 16 MB, with which
 * every scan re-read and re-deserialized its pages from the file);</li>
 * <li>every connection runs its commands on a thread of its own, like mongod. Stock netty runs them
 * on the I/O event loop, four loops shared by all connections: one long aggregate then stalled every
 * connection on its loop, driver heartbeats included ("connection &lt;monitor&gt; timed out").</li>
 * </ul>
 */
public final class MongoWireServer {

    private static final int DEFAULT_CACHE_MB = 512;

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

    /** The stock handler, whose executor (one per connection) ends with the connection. */
    private static final class ConnectionHandler extends MongoDatabaseHandler {
        ConnectionHandler(LocalBackend backend, ChannelGroup channels) {
            super(backend, channels);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            try {
                super.channelInactive(ctx);
            } finally {
                ctx.executor().shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: MongoWireServer <host> <port> <data-file> [<cache-mb>]");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dataFile = Path.of(args[2]).toAbsolutePath();
        int cacheMb = args.length == 4 ? Integer.parseInt(args[3]) : DEFAULT_CACHE_MB;
        Files.createDirectories(dataFile.getParent());

        if (Boolean.getBoolean(LocalBackend.STOCK_PROPERTY)) {
            serveStock(host, port, dataFile);
            return;
        }
        MVStore store = new MVStore.Builder().fileName(dataFile.toString()).cacheSize(cacheMb).open();
        LocalBackend backend = new LocalBackend(store, false);
        backend.version(REPORTED_VERSION);

        EventLoopGroup boss = new NioEventLoopGroup(1, threads("mongo-accept", false));
        EventLoopGroup io = new NioEventLoopGroup(2, threads("mongo-io", false));
        ChannelGroup clients = new DefaultChannelGroup("mongo-clients", GlobalEventExecutor.INSTANCE);
        ThreadFactory connectionThreads = threads("mongo-conn", true);
        Channel server = new ServerBootstrap()
            .group(boss, io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                public void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new MongoWireReplyEncoder());
                    ch.pipeline().addLast(new MongoWireMessageEncoder());
                    ch.pipeline().addLast(new MongoWireProtocolHandler());
                    ch.pipeline().addLast(new DefaultEventExecutor(connectionThreads), new ConnectionHandler(backend, clients));
                    ch.pipeline().addLast(new MongoExceptionHandler());
                }
            })
            .bind(host, port).syncUninterruptibly().channel();

        // SIGTERM from `infra.mjs down`: close the clients, then the backend, which flushes the MVStore file.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close().syncUninterruptibly();
            clients.close().syncUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            backend.close();
        }, "mongo-shutdown"));

        // infra.mjs waits for this line (and a successful hello) before reporting the server as up.
        System.out.println("MongoWireServer listening on " + host + ":" + port + " (data: " + dataFile
            + ", cache " + cacheMb + " MB)");
    }

    /**
     * mongo-java-server as shipped (H2's default cache, commands on the shared I/O loops), with only
     * the handshake adjusted so that today's drivers connect: the peer of the benchmarks.
     */
    private static void serveStock(String host, int port, Path dataFile) {
        LocalBackend backend = new LocalBackend(MVStore.open(dataFile.toString()), true);
        backend.version(REPORTED_VERSION);
        MongoServer server = new MongoServer(backend);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-shutdown"));
        server.bind(host, port);
        System.out.println("MongoWireServer (stock) listening on " + host + ":" + port + " (data: " + dataFile + ")");
    }

    /** The I/O loops keep the JVM alive after main returns; connection threads do not. */
    private static ThreadFactory threads(String prefix, boolean daemon) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(daemon);
            return thread;
        };
    }
}
