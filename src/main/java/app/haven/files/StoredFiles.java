package app.haven.files;

import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploaded bytes for the other modules. They decide who may upload and download; this module
 * decides what is accepted: PDF, DOC, DOCX, TXT, JPG or PNG as told by the bytes, not empty, and
 * not over the size limit, which is enforced while the bytes stream in.
 */
public interface StoredFiles {

    /**
     * Streams {@code bytes} into the store and answers the accepted file. Fails with
     * {@link app.haven.shared.ContentTooLargeException} past the limit (reading stops there),
     * {@link app.haven.shared.UnsupportedContentTypeException} for another type,
     * {@link app.haven.shared.InvalidInputException} for an empty file and
     * {@link app.haven.shared.UnacceptableContentException} when the scanner refuses it; nothing is
     * kept in those cases.
     */
    Mono<StoredFile> store(Flux<DataBuffer> bytes, String declaredName, UUID ownerId);

    Mono<StoredFile> find(UUID fileId);

    /** The file and its bytes; empty when there is no such file. */
    Mono<FileContent> open(UUID fileId);

    /** The caller no longer references the file: it is forgotten, and its bytes deleted once nothing shares them. */
    Mono<Void> release(UUID fileId);
}
