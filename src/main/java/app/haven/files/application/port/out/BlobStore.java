package app.haven.files.application.port.out;

import java.nio.file.Path;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the bytes live, named by their SHA-256. An upload is first staged (streamed to a local
 * file while it is hashed and counted), checked, and only then kept; an object store can take
 * the local disk's place behind this port.
 */
public interface BlobStore {

    /** A staged upload: its local copy, digest and size. */
    record Staged(Path path, String sha256, long size) {
    }

    /**
     * Streams {@code bytes} into a staging file; past {@code maxBytes} it stops reading, deletes
     * what it wrote and fails with {@link app.haven.shared.ContentTooLargeException}.
     */
    Mono<Staged> stage(Flux<DataBuffer> bytes, long maxBytes);

    /** Moves the staged bytes under their digest, unless identical bytes are already kept. */
    Mono<Void> keep(Staged staged);

    Mono<Void> discard(Staged staged);

    Flux<DataBuffer> read(String sha256);

    Mono<Void> delete(String sha256);
}
