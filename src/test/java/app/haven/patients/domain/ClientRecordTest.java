package app.haven.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.haven.shared.InvalidInputException;

class ClientRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aNewClientWaitsForATherapistAndBecomesActiveOnAssignment() {
        ClientRecord record = ClientRecord.open(UUID.randomUUID(), NOW);
        UUID therapist = UUID.randomUUID();

        assertThat(record.status()).isEqualTo(ClinicalStatus.PENDING);
        ClientRecord assigned = record.assignedTo(therapist, NOW.plusSeconds(60));
        assertThat(assigned.status()).isEqualTo(ClinicalStatus.ACTIVE);
        assertThat(assigned.isInCaseloadOf(therapist)).isTrue();
        assertThat(assigned.panelSince()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void reassignmentKeepsAClinicalStatusTheTherapistSet() {
        ClientRecord inactive = ClientRecord.open(UUID.randomUUID(), NOW).assignedTo(UUID.randomUUID(), NOW)
                .withClinical(new ClientRecord.ClinicalChange(ClinicalStatus.INACTIVE, null, null, null), NOW);

        assertThat(inactive.assignedTo(UUID.randomUUID(), NOW).status()).isEqualTo(ClinicalStatus.INACTIVE);
    }

    @Test
    void progressIsCompletedOverPlannedSessionsCappedAtAHundred() {
        ClientRecord record = ClientRecord.open(UUID.randomUUID(), NOW).assignedTo(UUID.randomUUID(), NOW);
        assertThat(record.progress()).isZero();

        ClientRecord planned = record.withClinical(new ClientRecord.ClinicalChange(null, null, null, 3), NOW)
                .sessionCompleted(NOW);
        assertThat(planned.progress()).isEqualTo(33);
        assertThat(planned.sessionCompleted(NOW).sessionCompleted(NOW).sessionCompleted(NOW).progress())
                .isEqualTo(100);
    }

    @Test
    void aClinicalChangeLeavesAbsentFieldsAlone() {
        ClientRecord record = ClientRecord.open(UUID.randomUUID(), NOW).assignedTo(UUID.randomUUID(), NOW)
                .withClinical(new ClientRecord.ClinicalChange(null, new Diagnosis(List.of("F32.1")), "CBT", 12), NOW);

        ClientRecord changed = record.withClinical(new ClientRecord.ClinicalChange(null, null, "CBT, then ACT", null),
                NOW);

        assertThat(changed.diagnosis().codes()).containsExactly("F32.1");
        assertThat(changed.treatmentPlan()).isEqualTo("CBT, then ACT");
        assertThat(changed.plannedSessions()).isEqualTo(12);
        assertThatThrownBy(() -> record.withClinical(
                new ClientRecord.ClinicalChange(ClinicalStatus.PENDING, null, null, null), NOW))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "F3", "32.1", "F32.12345", "U07.1", "F32-1", "" })
    void malformedDiagnosisCodesAreRefused(String code) {
        assertThatThrownBy(() -> new Diagnosis(List.of(code))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void diagnosisCodesAreNormalisedDeduplicatedAndStoredInOrder() {
        Diagnosis diagnosis = new Diagnosis(List.of("f32.1", "F41.1", "F32.1", "Z63.0"));

        assertThat(diagnosis.codes()).containsExactly("F32.1", "F41.1", "Z63.0");
        assertThat(Diagnosis.fromStored(diagnosis.stored())).isEqualTo(diagnosis);
        assertThat(Diagnosis.fromStored("")).isEqualTo(Diagnosis.none());
    }
}
