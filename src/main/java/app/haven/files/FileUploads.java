package app.haven.files;

import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;

import app.haven.shared.InvalidInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart upload as it arrives ({@code @RequestBody Flux<PartEvent>}), so a large file
 * is never held in memory or on disk before Haven has decided to keep it. The request must carry
 * exactly one file part named {@code file}; other parts are drained and ignored.
 */
public final class FileUploads {

    public static final String FILE_PART = "file";

    private FileUploads() {
    }

    /** The bytes of the {@code file} part, with the name its sender gave them. */
    public record Upload(String declaredName, Flux<DataBuffer> bytes) {
    }

    public static <T> Mono<T> withFile(Flux<PartEvent> parts, Function<Upload, Mono<T>> handler) {
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (first.hasValue() && first.get() instanceof FilePartEvent file && FILE_PART.equals(file.name())) {
                        return handler.apply(new Upload(file.filename(), events.map(PartEvent::content)));
                    }
                    return events.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.<T>empty());
                }))
                .collectList()
                .flatMap(stored -> switch (stored.size()) {
                    case 0 -> Mono.error(new InvalidInputException(FILE_PART, "is required: send the file as a multipart part named 'file'"));
                    case 1 -> Mono.just(stored.get(0));
                    default -> Mono.error(new InvalidInputException(FILE_PART, "must be sent once"));
                });
    }
}
