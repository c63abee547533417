package app.haven.files.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;

import app.haven.files.FileContent;
import app.haven.files.StoredFile;
import app.haven.files.StoredFiles;
import app.haven.files.application.port.out.BlobStore;
import app.haven.files.application.port.out.BlobStore.Staged;
import app.haven.files.application.port.out.ContentScanner;
import app.haven.files.application.port.out.ContentTypes;
import app.haven.files.application.port.out.FileRecords;
import app.haven.files.domain.AcceptedType;
import app.haven.files.domain.SafeFileName;
import app.haven.shared.InvalidInputException;
import app.haven.shared.PerPersonRateLimit;
import app.haven.shared.Transactions;
import app.haven.shared.UnacceptableContentException;
import app.haven.shared.UnsupportedContentTypeException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Accepts an upload in four steps: stage it (hashed and counted as it streams, cut at the
 * limit), decide its type from the bytes, let the scanner look at it, and only then record it
 * and keep its bytes. Whatever fails, the staged copy is deleted.
 */
@Service
class FileStore implements StoredFiles {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    private final BlobStore blobs;
    private final FileRecords records;
    private final ContentTypes contentTypes;
    private final ContentScanner scanner;
    private final Transactions transactions;
    private final FilesProperties properties;
    private final PerPersonRateLimit uploads;
    private final Clock clock;

    FileStore(BlobStore blobs, FileRecords records, ContentTypes contentTypes, ContentScanner scanner,
            Transactions transactions, FilesProperties properties, Clock clock) {
        this.blobs = blobs;
        this.records = records;
        this.contentTypes = contentTypes;
        this.scanner = scanner;
        this.transactions = transactions;
        this.properties = properties;
        this.uploads = new PerPersonRateLimit(properties.uploadBurst(), properties.uploadsPerHour(), Duration.ofHours(1),
                "You are uploading files faster than Haven accepts them.", clock);
        this.clock = clock;
    }

    @Override
    public Mono<StoredFile> store(Flux<DataBuffer> bytes, String declaredName, UUID ownerId) {
        // counted before a byte is staged, so a refused upload costs nothing
        return uploads.admit(ownerId).then(Mono.defer(() -> blobs.stage(bytes, properties.maxSize().toBytes())))
                .flatMap(staged -> accept(staged, declaredName, ownerId)
                        .onErrorResume(failure -> blobs.discard(staged).then(Mono.error(failure))));
    }

    private Mono<StoredFile> accept(Staged staged, String declaredName, UUID ownerId) {
        if (staged.size() == 0) {
            return Mono.error(new InvalidInputException("file", "is empty"));
        }
        return contentTypes.detect(staged, declaredName)
                .flatMap(detected -> AcceptedType.of(detected).map(Mono::just)
                        .orElseGet(() -> Mono.error(new UnsupportedContentTypeException(
                                "Haven does not take files of this type (" + detected + "); send a PDF, DOC, DOCX, TXT, JPG or PNG.",
                                AcceptedType.mediaTypes()))))
                .flatMap(type -> scanner.scan(staged, type)
                        .flatMap(verdict -> verdict.clean() ? Mono.just(type)
                                : Mono.error(new UnacceptableContentException("The file was refused: " + verdict.reason()))))
                .flatMap(type -> {
                    StoredFile file = new StoredFile(UUID.randomUUID(), SafeFileName.of(declaredName, type),
                            type.mediaType(), staged.size(), staged.sha256(), ownerId, clock.instant());
                    // recorded first, then moved into place: once the reference is counted no release can delete the blob
                    return transactions.commit(records.reference(file.sha256(), file.size()).then(records.add(file)))
                            .then(blobs.keep(staged))
                            .thenReturn(file);
                });
    }

    @Override
    public Mono<StoredFile> find(UUID fileId) {
        return records.find(fileId);
    }

    @Override
    public Mono<FileContent> open(UUID fileId) {
        return records.find(fileId).map(file -> new FileContent(file, blobs.read(file.sha256())));
    }

    @Override
    public Mono<Void> release(UUID fileId) {
        // the blob is deleted inside the transaction, while its row is locked, so an identical upload
        // recording itself at the same moment waits and then keeps fresh bytes
        return transactions.commit(records.remove(fileId)
                .flatMap(file -> records.dereference(file.sha256())
                        .flatMap(unreferenced -> unreferenced
                                ? blobs.delete(file.sha256()).doOnSuccess(done -> log.debug("Deleted blob {}", file.sha256()))
                                : Mono.empty())))
                .then();
    }
}
