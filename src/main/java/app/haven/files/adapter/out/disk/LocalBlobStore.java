package app.haven.files.adapter.out.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

import app.haven.files.application.FilesProperties;
import app.haven.files.application.port.out.BlobStore;
import app.haven.shared.ContentTooLargeException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blobs on the local disk under {@code haven.files.directory}: {@code ab/abcdef…} by SHA-256, with
 * uploads staged in {@code .incoming/} until they are accepted. Writes and reads go through
 * asynchronous file channels; the few metadata calls (create, move, delete) run on the
 * bounded-elastic scheduler, never on an event loop.
 */
@Component
class LocalBlobStore implements BlobStore {

    private static final int READ_CHUNK = 64 * 1024;

    private final Path root;
    private final Path incoming;

    LocalBlobStore(FilesProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
        this.incoming = root.resolve(".incoming");
    }

    @Override
    public Mono<Staged> stage(Flux<DataBuffer> bytes, long maxBytes) {
        return onDisk(() -> {
            Files.createDirectories(incoming);
            return Files.createTempFile(incoming, "upload-", ".part");
        }).flatMap(path -> {
            MessageDigest digest = sha256();
            AtomicLong size = new AtomicLong();
            Flux<DataBuffer> counted = bytes.handle((buffer, sink) -> {
                if (size.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new ContentTooLargeException("The file is larger than the limit of " + maxBytes + " bytes."));
                    return;
                }
                try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                    chunks.forEachRemaining(digest::update);
                }
                sink.next(buffer);
            });
            return DataBufferUtils.write(counted, path)
                    .then(Mono.fromSupplier(() -> new Staged(path, HexFormat.of().formatHex(digest.digest()), size.get())))
                    .onErrorResume(failure -> delete(path).then(Mono.error(failure)));
        });
    }

    @Override
    public Mono<Void> keep(Staged staged) {
        Path target = pathOf(staged.sha256());
        return onDisk(() -> {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(staged.path());
                return target;
            }
            try {
                Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException identicalBytesArrivedFirst) {
                Files.deleteIfExists(staged.path());
            }
            return target;
        }).then();
    }

    @Override
    public Mono<Void> discard(Staged staged) {
        return delete(staged.path());
    }

    @Override
    public Flux<DataBuffer> read(String sha256) {
        return DataBufferUtils.read(pathOf(sha256), DefaultDataBufferFactory.sharedInstance, READ_CHUNK);
    }

    @Override
    public Mono<Void> delete(String sha256) {
        return delete(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static Mono<Void> delete(Path path) {
        return onDisk(() -> Files.deleteIfExists(path)).then();
    }

    private static <T> Mono<T> onDisk(DiskCall<T> call) {
        return Mono.fromCallable(() -> {
            try {
                return call.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @FunctionalInterface
    private interface DiskCall<T> {
        T run() throws IOException;
    }
}
