package app.haven.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A client answered a questionnaire. Carries the score and band, never the answers; {@code safetyFlag}
 * says PHQ-9 item 9 was answered above 0. Listeners key on {@code assessmentId}.
 *
 * @param instrument PHQ9 or GAD7
 * @param severity   MINIMAL, MILD, MODERATE, MODERATELY_SEVERE or SEVERE
 */
public record AssessmentCompleted(UUID assessmentId, UUID clientId, UUID therapistId, String instrument, int score,
        String severity, boolean safetyFlag, Instant completedAt) {
}
