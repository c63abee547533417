package app.haven.worksheets;

import java.time.Instant;
import java.util.UUID;

/** A therapist assigned a worksheet to their client ({@code seriesId} when it is one of a weekly series). */
public record WorksheetAssigned(UUID worksheetId, UUID seriesId, UUID clientId, UUID therapistId, Instant dueDate,
        Instant assignedAt) {
}
