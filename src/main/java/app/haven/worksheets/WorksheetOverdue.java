package app.haven.worksheets;

import java.time.Instant;
import java.util.UUID;

/** A worksheet's due date passed before the client submitted it; published once per worksheet. */
public record WorksheetOverdue(UUID worksheetId, UUID clientId, UUID therapistId, Instant dueDate) {
}
