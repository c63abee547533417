package app.haven.files;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import reactor.core.publisher.Flux;

/**
 * The one way Haven sends stored bytes back: with the detected type, as an attachment under the
 * file's safe name, and with {@code nosniff} so no browser renders an upload as a page.
 */
public final class FileDownloads {

    private FileDownloads() {
    }

    public static ResponseEntity<Flux<DataBuffer>> response(FileContent content) {
        StoredFile file = content.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .eTag(file.sha256())
                .body(content.bytes());
    }
}
