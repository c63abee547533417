package app.haven.files.adapter.out.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.files.StoredFile;
import app.haven.files.application.port.out.FileRecords;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

/** Files and their shared blobs in the relational store; a blob's row is the lock its reference count changes under. */
@Repository
class R2dbcFileRecords implements FileRecords {

    private final DatabaseClient database;
    private final Clock clock;

    R2dbcFileRecords(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Mono<Void> add(StoredFile file) {
        return database.sql("""
                INSERT INTO files (id, sha256, name, content_type, size, owner_id, uploaded_at)
                VALUES (:id, :sha256, :name, :contentType, :size, :ownerId, :uploadedAt)""")
                .bind("id", file.id())
                .bind("sha256", file.sha256())
                .bind("name", file.name())
                .bind("contentType", file.contentType())
                .bind("size", file.size())
                .bind("ownerId", file.ownerId())
                .bind("uploadedAt", file.uploadedAt().atOffset(ZoneOffset.UTC))
                .then();
    }

    @Override
    public Mono<StoredFile> find(UUID fileId) {
        return database.sql("SELECT id, sha256, name, content_type, size, owner_id, uploaded_at FROM files WHERE id = :id")
                .bind("id", fileId)
                .map(R2dbcFileRecords::file)
                .one();
    }

    @Override
    public Mono<StoredFile> remove(UUID fileId) {
        return database.sql("SELECT id, sha256, name, content_type, size, owner_id, uploaded_at FROM files WHERE id = :id FOR UPDATE")
                .bind("id", fileId)
                .map(R2dbcFileRecords::file)
                .one()
                .flatMap(file -> database.sql("DELETE FROM files WHERE id = :id").bind("id", fileId).then().thenReturn(file));
    }

    @Override
    public Mono<Void> reference(String sha256, long size) {
        // update first: the common case (new bytes) falls through to the insert, and an insert that
        // lost a race to an identical upload counts itself on the row that won
        return increment(sha256)
                .flatMap(updated -> updated > 0 ? Mono.just(updated) : database.sql("""
                        INSERT INTO file_blobs (sha256, size, refs, created_at) VALUES (:sha256, :size, 1, :createdAt)
                        ON CONFLICT DO NOTHING""")
                        .bind("sha256", sha256)
                        .bind("size", size)
                        .bind("createdAt", OffsetDateTime.now(clock))
                        .fetch().rowsUpdated())
                .flatMap(counted -> counted > 0 ? Mono.<Void>empty() : increment(sha256).then());
    }

    @Override
    public Mono<Boolean> dereference(String sha256) {
        return database.sql("UPDATE file_blobs SET refs = refs - 1 WHERE sha256 = :sha256")
                .bind("sha256", sha256).fetch().rowsUpdated()
                .then(database.sql("DELETE FROM file_blobs WHERE sha256 = :sha256 AND refs <= 0")
                        .bind("sha256", sha256).fetch().rowsUpdated())
                .map(deleted -> deleted > 0);
    }

    private Mono<Long> increment(String sha256) {
        return database.sql("UPDATE file_blobs SET refs = refs + 1 WHERE sha256 = :sha256")
                .bind("sha256", sha256).fetch().rowsUpdated();
    }

    private static StoredFile file(Readable row) {
        return new StoredFile(row.get("id", UUID.class), row.get("name", String.class),
                row.get("content_type", String.class), row.get("size", Long.class), row.get("sha256", String.class),
                row.get("owner_id", UUID.class), row.get("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
