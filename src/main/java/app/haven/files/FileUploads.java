package app.haven.files;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.reactivestreams.Subscription;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;

import app.haven.shared.InvalidInputException;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reads a multipart upload as it arrives ({@code @RequestBody Flux<PartEvent>}), so a large file
 * is never held in memory or on disk before Haven has decided to keep it. The request must carry
 * exactly one file part named {@code file}; other parts are drained and ignored.
 */
public final class FileUploads {

    public static final String FILE_PART = "file";
    /** How much of an upload is still read, and dropped, after Haven has refused it. */
    private static final long DRAIN_BYTES = 1024 * 1024;
    private static final Duration DRAIN_TIME = Duration.ofSeconds(5);

    private FileUploads() {
    }

    /** The bytes of the {@code file} part, with the name its sender gave them. */
    public record Upload(String declaredName, Flux<DataBuffer> bytes) {
    }

    public static <T> Mono<T> withFile(Flux<PartEvent> parts, Function<Upload, Mono<T>> handler) {
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (first.hasValue() && first.get() instanceof FilePartEvent file && FILE_PART.equals(file.name())) {
                        Sinks.One<Boolean> drained = Sinks.one();
                        AtomicBoolean read = new AtomicBoolean();
                        Flux<DataBuffer> bytes = drainingWhenLeft(events.map(PartEvent::content), drained, read);
                        // a refusal is answered once the rest of the body is read, so the client can finish
                        // sending and read the answer; refused before reading anything (no access), the bytes
                        // are drained all the same. A body too large to drain is cut off at once.
                        return handler.apply(new Upload(file.filename(), bytes)).map(Outcome::<T>kept)
                                .onErrorResume(refused -> Mono.defer(() -> read.get() ? Mono.empty() : bytes.take(0).then())
                                        .then(drained.asMono().timeout(DRAIN_TIME, Mono.just(false)))
                                        .flatMap(whole -> whole ? Mono.just(Outcome.<T>refused(refused)) : Mono.error(refused)));
                    }
                    return events.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.<Outcome<T>>empty());
                }))
                .collectList()
                .flatMap(outcomes -> {
                    var refusal = outcomes.stream().filter(outcome -> outcome.refused() != null).findFirst();
                    if (refusal.isPresent()) {
                        return Mono.error(refusal.get().refused());
                    }
                    return switch (outcomes.size()) {
                        case 0 -> Mono.error(new InvalidInputException(FILE_PART, "is required: send the file as a multipart part named 'file'"));
                        case 1 -> Mono.just(outcomes.get(0).kept());
                        default -> Mono.error(new InvalidInputException(FILE_PART, "must be sent once"));
                    };
                });
    }

    /** What became of a file part: kept by the handler, or refused with the reason. */
    private record Outcome<T>(T kept, Throwable refused) {

        static <T> Outcome<T> kept(T kept) {
            return new Outcome<>(kept, null);
        }

        static <T> Outcome<T> refused(Throwable refused) {
            return new Outcome<>(null, refused);
        }
    }

    /**
     * The part's bytes as the handler reads them. When the handler stops early (it refused the
     * file), the rest is read and released, up to {@link #DRAIN_BYTES}: a client that sent a little
     * too much then gets Haven's answer instead of a connection closed while it was still sending.
     * A far larger body is cut off. {@code drained} tells whether the part was read to its end, and
     * {@code read} whether anyone has started reading.
     */
    private static Flux<DataBuffer> drainingWhenLeft(Flux<DataBuffer> source, Sinks.One<Boolean> drained,
            AtomicBoolean read) {
        return Flux.create(sink -> {
            read.set(true);
            AtomicBoolean left = new AtomicBoolean();
            AtomicLong dropped = new AtomicLong();
            BaseSubscriber<DataBuffer> upstream = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    // demand comes from the handler
                }

                @Override
                protected void hookOnNext(DataBuffer buffer) {
                    if (!left.get()) {
                        sink.next(buffer);
                        return;
                    }
                    long total = dropped.addAndGet(buffer.readableByteCount());
                    DataBufferUtils.release(buffer);
                    if (total > DRAIN_BYTES) {
                        cancel();
                        drained.tryEmitValue(false);
                    } else {
                        request(1);
                    }
                }

                @Override
                protected void hookOnComplete() {
                    drained.tryEmitValue(true);
                    sink.complete();
                }

                @Override
                protected void hookOnError(Throwable failure) {
                    drained.tryEmitValue(false);
                    sink.error(failure);
                }
            };
            source.subscribe(upstream);
            sink.onRequest(upstream::request);
            sink.onCancel(() -> {
                left.set(true);
                upstream.request(1);
            });
        });
    }
}
