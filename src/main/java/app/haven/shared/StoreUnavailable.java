package app.haven.shared;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;

/**
 * Whether a failure means one of Haven's stores cannot be reached right now (MongoDB or the
 * relational database down, restarting, or out of connections), as opposed to a defect. Such a
 * failure answers 503 with a {@code Retry-After}, and the request can simply be sent again once the
 * store is back; nothing is left half done, because a write that failed was not acknowledged.
 */
public final class StoreUnavailable {

    /** When a client should try again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** What the person is told; no internals. */
    public static final String DETAIL = "Haven cannot reach its data store just now. Nothing was saved by this request; "
            + "please try again in a few seconds.";

    // by name: the drivers are where these are thrown, and the shared kernel depends on none of them
    private static final Set<String> UNREACHABLE = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoSocketOpenException",
            "com.mongodb.MongoSocketReadException",
            "com.mongodb.MongoSocketWriteException",
            "com.mongodb.MongoSocketClosedException",
            "com.mongodb.MongoSocketReadTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException",
            "io.r2dbc.spi.R2dbcTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException",
            "io.r2dbc.postgresql.PostgresqlConnectionFactory$PostgresConnectionException",
            "io.r2dbc.postgresql.client.ReactorNettyClient$PostgresConnectionClosedException",
            "reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException",
            "reactor.pool.PoolAcquireTimeoutException");

    private StoreUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || isUnreachable(cause.getClass())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (UNREACHABLE.contains(current.getName())) {
                return true;
            }
        }
        return false;
    }
}
