package app.haven.files.application.port.out;

import java.util.UUID;

import app.haven.files.StoredFile;
import reactor.core.publisher.Mono;

/**
 * What is known about each stored file, and how many files share each blob. Calls that change
 * reference counts run inside the caller's transaction and lock the blob's row, so a blob is
 * never deleted while an identical upload is being recorded.
 */
public interface FileRecords {

    Mono<Void> add(StoredFile file);

    Mono<StoredFile> find(UUID fileId);

    /** Forgets the file and answers it; empty when there was none. */
    Mono<StoredFile> remove(UUID fileId);

    /** One more file references the blob. */
    Mono<Void> reference(String sha256, long size);

    /** One file fewer references the blob; answers whether nothing references it any more (the row is gone). */
    Mono<Boolean> dereference(String sha256);
}
