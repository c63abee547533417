package app.haven.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import app.haven.files.application.FilesProperties;
import app.haven.shared.ContentTooLargeException;
import app.haven.shared.InvalidInputException;
import app.haven.shared.UnsupportedContentTypeException;
import app.haven.support.HavenTest;
import app.haven.support.SampleFiles;
import reactor.core.publisher.Flux;

/**
 * The file store as the other modules use it: types decided by the bytes, limits enforced while
 * the bytes stream in, refused uploads leaving nothing behind, identical uploads sharing their
 * bytes, and bytes deleted once no file references them.
 */
@HavenTest
class StoredFilesIT {

    private static final int CHUNK = 8 * 1024;

    @Autowired StoredFiles files;
    @Autowired FilesProperties properties;

    static Stream<Arguments> acceptedKinds() {
        return Stream.of(
                Arguments.of("worksheet.pdf", SampleFiles.pdf(), "application/pdf"),
                Arguments.of("worksheet.docx", SampleFiles.docx(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Arguments.of("journal.txt", SampleFiles.text(), "text/plain"),
                Arguments.of("drawing.png", SampleFiles.png(), "image/png"),
                Arguments.of("photo.jpg", SampleFiles.jpeg(), "image/jpeg"),
                // the bytes decide: a PNG sent under a PDF's name is a PNG, and downloads as one
                Arguments.of("looks-like.pdf", SampleFiles.png(), "image/png"));
    }

    @ParameterizedTest(name = "{0} is stored as {2}")
    @MethodSource("acceptedKinds")
    void acceptedKindsAreStoredWithTheTypeTheirBytesHave(String name, byte[] bytes, String expectedType) {
        UUID owner = UUID.randomUUID();
        StoredFile stored = files.store(chunks(bytes), name, owner).block();

        assertThat(stored.contentType()).isEqualTo(expectedType);
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.ownerId()).isEqualTo(owner);
        assertThat(stored.name()).endsWith(expectedType.equals("image/png") ? ".png" : name.substring(name.lastIndexOf('.')));
        assertThat(read(files.open(stored.id()).block())).isEqualTo(bytes);
    }

    @Test
    void namesAreMadeSafeToSendBackInAHeader() {
        StoredFile stored = files.store(chunks(SampleFiles.text()), "../../etc/\"passwd\r\n.txt", UUID.randomUUID()).block();

        assertThat(stored.name()).isEqualTo("_passwd__.txt");
    }

    static Stream<Arguments> refusedKinds() {
        return Stream.of(
                Arguments.of("worksheet.pdf", SampleFiles.executable()),
                Arguments.of("worksheet.docx", SampleFiles.zip()),
                Arguments.of("worksheet.pdf", SampleFiles.noise(4096)));
    }

    @ParameterizedTest(name = "{0} made of other bytes is refused")
    @MethodSource("refusedKinds")
    void otherKindsAreRefusedWhateverTheirNameAndNothingIsKept(String name, byte[] bytes) throws IOException {
        long blobsBefore = blobCount();

        assertThatThrownBy(() -> files.store(chunks(bytes), name, UUID.randomUUID()).block())
                .isInstanceOf(UnsupportedContentTypeException.class);
        assertThat(blobCount()).isEqualTo(blobsBefore);
        assertThat(staged()).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertThatThrownBy(() -> files.store(Flux.empty(), "empty.txt", UUID.randomUUID()).block())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThat(staged()).isEmpty();
    }

    @Test
    void aFileOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws IOException {
        int limit = (int) properties.maxSize().toBytes();
        assertThat(files.store(chunks(SampleFiles.textOfSize(limit)), "limit.txt", UUID.randomUUID()).block().size())
                .isEqualTo(limit);

        long blobsBefore = blobCount();
        assertThatThrownBy(() -> files.store(chunks(SampleFiles.textOfSize(limit + 1)), "over.txt", UUID.randomUUID()).block())
                .isInstanceOf(ContentTooLargeException.class);
        assertThat(blobCount()).isEqualTo(blobsBefore);
        assertThat(staged()).isEmpty();
    }

    @Test
    void readingAnOversizedUploadStopsAtTheLimitInsteadOfTakingItAll() {
        long limit = properties.maxSize().toBytes();
        AtomicLong produced = new AtomicLong();
        // a 1 GB upload, made only as fast as the store reads it
        Flux<DataBuffer> endless = Flux.range(0, 1024 * 1024 * 1024 / CHUNK)
                .<DataBuffer>map(i -> DefaultDataBufferFactory.sharedInstance.wrap(SampleFiles.textOfSize(CHUNK)))
                .doOnNext(buffer -> produced.addAndGet(buffer.readableByteCount()));

        assertThatThrownBy(() -> files.store(endless, "huge.txt", UUID.randomUUID()).block())
                .isInstanceOf(ContentTooLargeException.class);
        assertThat(produced.get()).isLessThanOrEqualTo(limit + CHUNK * 32L);
    }

    @Test
    void identicalUploadsShareTheirBytesUntilTheLastIsReleased() throws IOException {
        byte[] bytes = ("shared bytes " + UUID.randomUUID()).getBytes();
        StoredFile first = files.store(chunks(bytes), "a.txt", UUID.randomUUID()).block();
        StoredFile second = files.store(chunks(bytes), "b.txt", UUID.randomUUID()).block();
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.id()).isNotEqualTo(first.id());
        Path blob = blobPath(first.sha256());
        assertThat(blob).exists();

        files.release(first.id()).block();
        assertThat(files.find(first.id()).blockOptional()).isEmpty();
        assertThat(blob).exists();
        assertThat(read(files.open(second.id()).block())).isEqualTo(bytes);

        files.release(second.id()).block();
        assertThat(files.open(second.id()).blockOptional()).isEmpty();
        assertThat(blob).doesNotExist();

        // the same bytes uploaded again are kept afresh
        StoredFile third = files.store(chunks(bytes), "c.txt", UUID.randomUUID()).block();
        assertThat(read(files.open(third.id()).block())).isEqualTo(bytes);
    }

    private Flux<DataBuffer> chunks(byte[] bytes) {
        return Flux.range(0, (bytes.length + CHUNK - 1) / CHUNK)
                .<DataBuffer>map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        Arrays.copyOfRange(bytes, i * CHUNK, Math.min(bytes.length, (i + 1) * CHUNK))));
    }

    private static byte[] read(FileContent content) {
        return DataBufferUtils.join(content.bytes()).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).block();
    }

    private Path root() {
        return properties.directory().toAbsolutePath().normalize();
    }

    private Path blobPath(String sha256) {
        return root().resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private long blobCount() throws IOException {
        if (!Files.exists(root())) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(root())) {
            return paths.filter(Files::isRegularFile).filter(path -> !path.startsWith(root().resolve(".incoming"))).count();
        }
    }

    private java.util.List<Path> staged() throws IOException {
        Path incoming = root().resolve(".incoming");
        if (!Files.exists(incoming)) {
            return java.util.List.of();
        }
        try (Stream<Path> paths = Files.list(incoming)) {
            return paths.toList();
        }
    }
}
