package plangraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * A local Neo4j 5 Community DBMS for development and tests: the embedded DBMS with its Bolt
 * connector listening on 127.0.0.1 only (Bolt also answers WebSocket, for the browser).
 *
 * Configuration, from the environment (scripts/neo4j.ts sets it):
 *   NEO4J_HOME_DIR   where data and logs go (default .neo4j/server under the working directory)
 *   NEO4J_PORT       Bolt port (default 7687)
 *   NEO4J_PASSWORD   password of the user neo4j (default plangraph-dev; at least 8 characters)
 *   NEO4J_PAGECACHE_MB  page cache size in MiB (default 512)
 *   NEO4J_EXIT_ON_STDIN_EOF  when non-empty, shut down once stdin closes (the parent process died)
 *
 * Prints exactly one line starting with "Neo4j ready at " once clients can connect, and shuts
 * the DBMS down cleanly on SIGINT/SIGTERM. Exits with status 1 and a one-line "Neo4j failed: "
 * message when it cannot start (port in use, store locked by another process, bad settings).
 */
public final class LocalNeo4jServer {
    private static final String HOST = "127.0.0.1";
    private static final String USER = "neo4j";

    private LocalNeo4jServer() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static void main(String[] args) {
        Path home = Path.of(env("NEO4J_HOME_DIR", ".neo4j/server")).toAbsolutePath().normalize();
        String password = env("NEO4J_PASSWORD", "plangraph-dev");
        int port;
        long pageCacheMb;
        try {
            port = Integer.parseInt(env("NEO4J_PORT", "7687"));
            pageCacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "512"));
        } catch (NumberFormatException e) {
            fail("NEO4J_PORT and NEO4J_PAGECACHE_MB must be integers (" + e.getMessage() + ")", null);
            return;
        }
        if (password.length() < 8) {
            fail("NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)", null);
            return;
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(home);
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    .build();
        } catch (Throwable e) {
            fail("could not start the DBMS in " + home + " on " + HOST + ":" + port, e);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        final DatabaseManagementService running = dbms;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Neo4j shutting down");
            System.out.flush();
            try {
                running.shutdown();
            } catch (Throwable e) {
                System.err.println("Neo4j shutdown error: " + e);
            }
            System.out.println("Neo4j stopped");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-shutdown"));

        try {
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            setPassword(system, password);
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.SECONDS.toMillis(60))) {
                fail("the default database did not become available within 60 s", null);
                return;
            }
            String version = db.executeTransactionally(
                    "CALL dbms.components() YIELD versions RETURN versions[0] AS v", Map.of(),
                    result -> String.valueOf(result.next().get("v")));
            System.out.println("Neo4j " + version + " Community, data in " + home);
        } catch (Throwable e) {
            fail("the DBMS started but could not be set up", e);
            return;
        }

        System.out.println("Neo4j ready at bolt://" + HOST + ":" + port + " (user " + USER + ")");
        System.out.flush();
        if (!env("NEO4J_EXIT_ON_STDIN_EOF", "").isEmpty()) {
            exitWhenStdinCloses();
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A parent that starts us with a pipe on stdin never writes to it: EOF means it has gone. */
    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // ignore input
                }
            } catch (java.io.IOException e) {
                // treat like EOF
            }
            System.out.println("Neo4j: parent process gone (stdin closed)");
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Makes `password` the password of the user neo4j, without a forced change. On a fresh store
     * the user has the default password "neo4j" (change required); the embedded API runs as an
     * unrestricted user, so the system database accepts ALTER USER. Neo4j refuses to "change" a
     * password to the same value; that case is already what we want.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (!message.toLowerCase().contains("same")) {
                throw e;
            }
        }
    }

    private static void fail(String what, Throwable e) {
        Throwable root = e;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root == null ? "" : ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
        System.err.println("Neo4j failed: " + what + detail);
        if (e != null && System.getenv("NEO4J_SERVER_DEBUG") != null) {
            e.printStackTrace();
        }
        System.err.flush();
        System.exit(1);
    }
}
