package app.haven.portal.adapter.out.persistence;

import static app.haven.portal.adapter.out.persistence.Sql.instant;
import static app.haven.portal.adapter.out.persistence.Sql.nullable;
import static app.haven.portal.adapter.out.persistence.Sql.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

import app.haven.portal.application.port.out.NotificationStore;
import app.haven.portal.domain.Notification;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcNotifications implements NotificationStore {

    private static final String COLUMNS = """
            position, id, recipient_id, kind, title, body, subject_id, safety, source_key, created_at, read_at""";

    private final DatabaseClient database;

    R2dbcNotifications(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> add(Notification notification) {
        GenericExecuteSpec insert = database.sql("""
                INSERT INTO portal_notifications (id, recipient_id, kind, title, body, subject_id, safety, source_key,
                    created_at)
                VALUES (:id, :recipientId, :kind, :title, :body, :subjectId, :safety, :sourceKey, :createdAt)
                ON CONFLICT DO NOTHING""")
                .bind("id", notification.id()).bind("recipientId", notification.recipientId())
                .bind("kind", notification.kind().name()).bind("title", notification.title())
                .bind("body", notification.body()).bind("safety", notification.safety())
                .bind("createdAt", utc(notification.createdAt()));
        insert = nullable(insert, "subjectId", notification.subjectId(), String.class);
        insert = nullable(insert, "sourceKey", notification.sourceKey(), String.class);
        // a notification whose source key was used before is not added; no error, so a surrounding
        // transaction stays usable (PostgreSQL aborts a transaction on a failed statement)
        return insert.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Flux<Notification> feed(UUID recipientId, boolean unreadOnly, Position after, int limit) {
        String position = after == null ? ""
                : " AND (created_at < :afterAt OR (created_at = :afterAt AND id < :afterId))";
        GenericExecuteSpec select = database.sql("SELECT " + COLUMNS + " FROM portal_notifications"
                        + " WHERE recipient_id = :recipientId" + (unreadOnly ? " AND read_at IS NULL" : "") + position
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .bind("recipientId", recipientId);
        if (after != null) {
            select = select.bind("afterAt", utc(after.createdAt())).bind("afterId", after.id());
        }
        return select.map(R2dbcNotifications::notification).all();
    }

    @Override
    public Mono<Boolean> markRead(UUID recipientId, UUID notificationId, Instant now) {
        return database.sql("""
                UPDATE portal_notifications SET read_at = COALESCE(read_at, :now)
                WHERE id = :id AND recipient_id = :recipientId""")
                .bind("now", utc(now)).bind("id", notificationId).bind("recipientId", recipientId)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Long> markAllRead(UUID recipientId, Instant now) {
        return database.sql("""
                UPDATE portal_notifications SET read_at = :now WHERE recipient_id = :recipientId AND read_at IS NULL""")
                .bind("now", utc(now)).bind("recipientId", recipientId).fetch().rowsUpdated();
    }

    @Override
    public Flux<Stored> after(long position, int limit) {
        return database.sql("SELECT " + COLUMNS + " FROM portal_notifications WHERE position > :position"
                        + " ORDER BY position FETCH FIRST " + limit + " ROWS ONLY")
                .bind("position", position)
                .map(row -> new Stored(row.get("position", Long.class), notification(row))).all();
    }

    @Override
    public Mono<Long> lastPosition() {
        return database.sql("SELECT COALESCE(MAX(position), 0) AS last FROM portal_notifications")
                .map(row -> row.get("last", Long.class)).one();
    }

    private static Notification notification(Readable row) {
        return new Notification(row.get("id", UUID.class), row.get("recipient_id", UUID.class),
                Notification.Kind.valueOf(row.get("kind", String.class)), row.get("title", String.class),
                row.get("body", String.class), row.get("subject_id", String.class), row.get("safety", Boolean.class),
                row.get("source_key", String.class), instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("read_at", OffsetDateTime.class)));
    }
}
