package app.haven.patients.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.haven.shared.InvalidInputException;

/**
 * Everything the practice keeps about a client except their name and email (identity keeps
 * those): contact details, clinical status, diagnosis, treatment plan and progress, and who the
 * current therapist is. Immutable; every change answers a new record.
 */
public record ClientRecord(UUID clientId, ClinicalStatus status, ContactDetails contact, Diagnosis diagnosis,
        String treatmentPlan, Integer plannedSessions, int completedSessions, UUID therapistId, Instant assignedAt,
        Instant panelSince, Instant createdAt, Instant updatedAt) {

    public static final int MAX_PLANNED_SESSIONS = 500;

    public ClientRecord {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(diagnosis, "diagnosis");
        if (plannedSessions != null && (plannedSessions < 1 || plannedSessions > MAX_PLANNED_SESSIONS)) {
            throw new InvalidInputException("The planned number of sessions is between 1 and " + MAX_PLANNED_SESSIONS);
        }
        if ((therapistId == null) != (assignedAt == null)) {
            throw new IllegalArgumentException("A therapist comes with the time they were assigned");
        }
    }

    /** A newly registered client: waiting for a therapist. */
    public static ClientRecord open(UUID clientId, Instant now) {
        return new ClientRecord(clientId, ClinicalStatus.PENDING, ContactDetails.none(), Diagnosis.none(), null, null,
                0, null, null, now, now, now);
    }

    /** The client joins a therapist's caseload; a waiting client becomes active. */
    public ClientRecord assignedTo(UUID therapist, Instant at) {
        ClinicalStatus next = status == ClinicalStatus.PENDING ? ClinicalStatus.ACTIVE : status;
        return new ClientRecord(clientId, next, contact, diagnosis, treatmentPlan, plannedSessions, completedSessions,
                therapist, at, at, createdAt, at);
    }

    public boolean isInCaseloadOf(UUID therapist) {
        return therapist.equals(therapistId);
    }

    /** The assigned therapist's changes to the clinical part; {@code null} leaves a field as it is. */
    public ClientRecord withClinical(ClinicalChange change, Instant now) {
        if (change.status() == ClinicalStatus.PENDING && status != ClinicalStatus.PENDING) {
            throw new InvalidInputException("PENDING means no therapist yet; an assigned client cannot go back to it");
        }
        return new ClientRecord(clientId, orElse(change.status(), status), contact, orElse(change.diagnosis(), diagnosis),
                orElse(change.treatmentPlan(), treatmentPlan), orElse(change.plannedSessions(), plannedSessions),
                completedSessions, therapistId, assignedAt, panelSince, createdAt, now);
    }

    public ClientRecord withContact(ContactDetails details, Instant now) {
        return new ClientRecord(clientId, status, Objects.requireNonNull(details), diagnosis, treatmentPlan,
                plannedSessions, completedSessions, therapistId, assignedAt, panelSince, createdAt, now);
    }

    public ClientRecord sessionCompleted(Instant now) {
        return new ClientRecord(clientId, status, contact, diagnosis, treatmentPlan, plannedSessions,
                completedSessions + 1, therapistId, assignedAt, panelSince, createdAt, now);
    }

    /** Completed sessions as a share of the planned ones, in whole percent, at most 100; 0 without a plan. */
    public int progress() {
        if (plannedSessions == null) {
            return 0;
        }
        return Math.min(100, completedSessions * 100 / plannedSessions);
    }

    private static <T> T orElse(T changed, T current) {
        return changed == null ? current : changed;
    }

    /** The fields a therapist may change on their client's record, and no other. */
    public record ClinicalChange(ClinicalStatus status, Diagnosis diagnosis, String treatmentPlan,
            Integer plannedSessions) {
    }
}
