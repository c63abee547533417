package app.haven.worksheets.adapter.out.persistence;

import static app.haven.worksheets.adapter.out.persistence.R2dbcWorksheets.instant;
import static app.haven.worksheets.adapter.out.persistence.R2dbcWorksheets.utc;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import app.haven.worksheets.application.port.out.WorksheetFileStore;
import app.haven.worksheets.domain.WorksheetFile;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcWorksheetFiles implements WorksheetFileStore {

    private static final String COLUMNS = "worksheet_id, file_id, kind, name, content_type, size, uploaded_by, uploaded_at";

    private final DatabaseClient database;

    R2dbcWorksheetFiles(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(WorksheetFile file) {
        return database.sql("INSERT INTO worksheet_files (" + COLUMNS + ") VALUES (:worksheetId, :fileId, :kind,"
                        + " :name, :contentType, :size, :uploadedBy, :uploadedAt)")
                .bind("worksheetId", file.worksheetId())
                .bind("fileId", file.fileId())
                .bind("kind", file.kind().name())
                .bind("name", file.name())
                .bind("contentType", file.contentType())
                .bind("size", file.size())
                .bind("uploadedBy", file.uploadedBy())
                .bind("uploadedAt", utc(file.uploadedAt()))
                .then();
    }

    @Override
    public Flux<WorksheetFile> of(UUID worksheetId) {
        return database.sql("SELECT " + COLUMNS + " FROM worksheet_files WHERE worksheet_id = :worksheetId"
                        + " ORDER BY uploaded_at, file_id")
                .bind("worksheetId", worksheetId).map(R2dbcWorksheetFiles::file).all();
    }

    @Override
    public Mono<WorksheetFile> find(UUID worksheetId, UUID fileId) {
        return database.sql("SELECT " + COLUMNS + " FROM worksheet_files"
                        + " WHERE worksheet_id = :worksheetId AND file_id = :fileId")
                .bind("worksheetId", worksheetId).bind("fileId", fileId).map(R2dbcWorksheetFiles::file).one();
    }

    @Override
    public Mono<Void> remove(UUID worksheetId, UUID fileId) {
        return database.sql("DELETE FROM worksheet_files WHERE worksheet_id = :worksheetId AND file_id = :fileId")
                .bind("worksheetId", worksheetId).bind("fileId", fileId).then();
    }

    @Override
    public Mono<Boolean> isReferenced(UUID fileId) {
        return database.sql("SELECT 1 FROM worksheet_files WHERE file_id = :fileId FETCH FIRST 1 ROWS ONLY")
                .bind("fileId", fileId).map(row -> true).first().defaultIfEmpty(false);
    }

    private static WorksheetFile file(Readable row) {
        return new WorksheetFile(row.get("worksheet_id", UUID.class), row.get("file_id", UUID.class),
                WorksheetFile.Kind.valueOf(row.get("kind", String.class)), row.get("name", String.class),
                row.get("content_type", String.class), row.get("size", Long.class),
                row.get("uploaded_by", UUID.class), instant(row.get("uploaded_at", OffsetDateTime.class)));
    }
}
