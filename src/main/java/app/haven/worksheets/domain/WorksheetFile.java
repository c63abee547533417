package app.haven.worksheets.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A file on a worksheet: a material the therapist added, or a submission the client uploaded. */
public record WorksheetFile(UUID worksheetId, UUID fileId, Kind kind, String name, String contentType, long size,
        UUID uploadedBy, Instant uploadedAt) {

    public WorksheetFile {
        Objects.requireNonNull(worksheetId, "worksheetId");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind { MATERIAL, SUBMISSION }
}
