package app.haven.files;

import java.time.Instant;
import java.util.UUID;

/**
 * A file Haven accepted: {@code contentType} was detected from its bytes, {@code name} is the
 * uploader's name made safe to send back in a header, {@code sha256} names the bytes it shares
 * with every identical upload.
 */
public record StoredFile(UUID id, String name, String contentType, long size, String sha256, UUID ownerId,
        Instant uploadedAt) {
}
