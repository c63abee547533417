package app.haven.worksheets;

import java.time.Instant;
import java.util.UUID;

/** The therapist gave feedback on a submitted worksheet. */
public record WorksheetReviewed(UUID worksheetId, UUID clientId, UUID therapistId, Instant reviewedAt) {
}
