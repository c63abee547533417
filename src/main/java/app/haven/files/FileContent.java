package app.haven.files;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;

/** A stored file with its bytes, streamed from the store as the reader asks for them. */
public record FileContent(StoredFile file, Flux<DataBuffer> bytes) {
}
