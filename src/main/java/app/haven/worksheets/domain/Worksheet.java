package app.haven.worksheets.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.ConflictException;
import app.haven.shared.InvalidInputException;

/**
 * Homework a therapist assigns to their client: what to do and by when, the client's response,
 * and the therapist's feedback. One of a weekly series when {@code seriesId} is set.
 * <p>
 * The stored status turns PAST_DUE when the hourly sweep notices the due date passed; until then
 * {@link #statusAt(Instant)} already answers PAST_DUE, so nobody ever sees an overdue worksheet as
 * merely assigned. {@code overdueAnnounced} makes the overdue event go out once, however often the
 * worksheet is unsubmitted afterwards.
 */
public record Worksheet(UUID id, UUID seriesId, UUID clientId, UUID therapistId, String title, String instructions,
        String description, Instant dueDate, WorksheetStatus status, String response, String feedback,
        Instant submittedAt, Instant reviewedAt, boolean overdueAnnounced, Instant createdAt, Instant updatedAt) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_RESPONSE = 20_000;

    public Worksheet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
    }

    public static Worksheet assign(UUID id, UUID seriesId, UUID clientId, UUID therapistId, Content content,
            Instant dueDate, Instant now) {
        if (!dueDate.isAfter(now)) {
            throw new InvalidInputException("dueDate", "must be in the future");
        }
        return new Worksheet(id, seriesId, clientId, therapistId, content.title(), content.instructions(),
                content.description(), dueDate, WorksheetStatus.ASSIGNED, null, null, null, null, false, now, now);
    }

    /** The status as of {@code now}: an assigned worksheet whose due date has passed is past due. */
    public WorksheetStatus statusAt(Instant now) {
        return status == WorksheetStatus.ASSIGNED && !dueDate.isAfter(now) ? WorksheetStatus.PAST_DUE : status;
    }

    /** The therapist edits the assignment; a due date moved into the future reopens a past-due one. */
    public Worksheet change(String newTitle, String newInstructions, String newDescription, Instant newDueDate,
            Instant now) {
        requireNotReviewed("changed");
        Instant due = newDueDate == null ? dueDate : newDueDate;
        if (newDueDate != null && !newDueDate.isAfter(now) && !newDueDate.equals(dueDate)) {
            throw new InvalidInputException("dueDate", "must be in the future");
        }
        WorksheetStatus next = status == WorksheetStatus.PAST_DUE && due.isAfter(now) ? WorksheetStatus.ASSIGNED : status;
        return new Worksheet(id, seriesId, clientId, therapistId, newTitle == null ? title : newTitle,
                newInstructions == null ? instructions : newInstructions,
                newDescription == null ? description : newDescription, due, next, response, feedback, submittedAt,
                reviewedAt, overdueAnnounced, createdAt, now);
    }

    /** The same edit applied to another worksheet of the series: due dates move by {@code shift}. */
    public Worksheet changeInSeries(String newTitle, String newInstructions, String newDescription, Duration shift,
            Instant now) {
        return change(newTitle, newInstructions, newDescription, shift == null ? null : dueDate.plus(shift), now);
    }

    public Worksheet submit(String clientResponse, Instant now) {
        if (!status.isOpen()) {
            throw new ConflictException(status == WorksheetStatus.SUBMITTED ? "The worksheet is already submitted"
                    : "The worksheet has been reviewed");
        }
        return new Worksheet(id, seriesId, clientId, therapistId, title, instructions, description, dueDate,
                WorksheetStatus.SUBMITTED, clientResponse, feedback, now, reviewedAt, overdueAnnounced, createdAt, now);
    }

    /** Back to the client before review: assigned again, or past due if the due date has passed. */
    public Worksheet unsubmit(Instant now) {
        if (status != WorksheetStatus.SUBMITTED) {
            throw new ConflictException(status == WorksheetStatus.REVIEWED ? "The worksheet has been reviewed"
                    : "The worksheet is not submitted");
        }
        WorksheetStatus back = dueDate.isAfter(now) ? WorksheetStatus.ASSIGNED : WorksheetStatus.PAST_DUE;
        return new Worksheet(id, seriesId, clientId, therapistId, title, instructions, description, dueDate, back,
                response, feedback, null, reviewedAt, overdueAnnounced || back == WorksheetStatus.PAST_DUE, createdAt,
                now);
    }

    public Worksheet review(String therapistFeedback, Instant now) {
        if (status != WorksheetStatus.SUBMITTED) {
            throw new ConflictException(status == WorksheetStatus.REVIEWED ? "The worksheet has been reviewed"
                    : "Feedback follows a submission; the worksheet is not submitted");
        }
        return new Worksheet(id, seriesId, clientId, therapistId, title, instructions, description, dueDate,
                WorksheetStatus.REVIEWED, response, therapistFeedback, submittedAt, now, overdueAnnounced, createdAt,
                now);
    }

    /** The sweep's turn: an assigned worksheet whose due date passed is past due. Unchanged otherwise. */
    public Worksheet pastDue(Instant now) {
        if (status != WorksheetStatus.ASSIGNED || statusAt(now) != WorksheetStatus.PAST_DUE) {
            return this;
        }
        return new Worksheet(id, seriesId, clientId, therapistId, title, instructions, description, dueDate,
                WorksheetStatus.PAST_DUE, response, feedback, submittedAt, reviewedAt, true, createdAt, now);
    }

    /** Whether turning {@code before} into this one is the moment it became overdue for the first time. */
    public boolean newlyOverdueSince(Worksheet before) {
        return overdueAnnounced && !before.overdueAnnounced();
    }

    /** The client's files may change until the therapist has reviewed the work. */
    public void requireSubmissionsOpen() {
        requireNotReviewed("given more files");
    }

    private void requireNotReviewed(String what) {
        if (status == WorksheetStatus.REVIEWED) {
            throw new ConflictException("The worksheet has been reviewed and can no longer be " + what);
        }
    }

    /** What the therapist writes when assigning. */
    public record Content(String title, String instructions, String description) {

        public Content {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(instructions, "instructions");
        }
    }
}
