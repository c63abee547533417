package app.haven.worksheets;

import java.time.Instant;
import java.util.UUID;

/** The client handed in their worksheet. */
public record WorksheetSubmitted(UUID worksheetId, UUID clientId, UUID therapistId, Instant submittedAt) {
}
