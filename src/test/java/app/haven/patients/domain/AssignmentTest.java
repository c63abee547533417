package app.haven.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    @Test
    void aNewAssignmentIsActiveWithItsTherapist() {
        UUID therapist = UUID.randomUUID();
        Assignment assignment = Assignment.start(UUID.randomUUID(), therapist, MONDAY);

        assertThat(assignment.isActive()).isTrue();
        assertThat(assignment.isWith(therapist)).isTrue();
        assertThat(assignment.isWith(UUID.randomUUID())).isFalse();
    }

    @Test
    void anEndedAssignmentKeepsItsHistoryAndCanNeverBecomeActiveAgain() {
        Assignment ended = Assignment.start(UUID.randomUUID(), UUID.randomUUID(), MONDAY)
                .end(MONDAY.plusSeconds(3600), EndReason.REASSIGNED);

        assertThat(ended.isActive()).isFalse();
        assertThat(ended.isWith(ended.therapistId())).isFalse();
        assertThat(ended.endedAt()).isEqualTo(MONDAY.plusSeconds(3600));
        assertThatIllegalStateException().isThrownBy(() -> ended.end(MONDAY, EndReason.REASSIGNED));
    }

    @Test
    void nobodyIsTheirOwnTherapist() {
        UUID person = UUID.randomUUID();
        assertThatIllegalArgumentException().isThrownBy(() -> Assignment.start(person, person, MONDAY));
    }

    @Test
    void anEndWithoutAReasonIsNotAnAssignment() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Assignment(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), MONDAY, MONDAY, null));
    }
}
