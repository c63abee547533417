package app.haven.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import app.haven.shared.ConflictException;
import app.haven.shared.InvalidInputException;

class SessionTest {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    private static Session session(SessionType type, int minutes) {
        return Session.schedule(UUID.randomUUID(), UUID.randomUUID(), NOON, minutes, type, false,
                NOON.minus(Duration.ofDays(7)));
    }

    @ParameterizedTest(name = "{0} for {1} minutes is billed as {2}")
    @CsvSource({
            "INTAKE, 60, 90791", "INTAKE, 20, 90791",
            "INDIVIDUAL, 16, 90832", "INDIVIDUAL, 37, 90832",
            "INDIVIDUAL, 38, 90834", "INDIVIDUAL, 52, 90834",
            "INDIVIDUAL, 53, 90837", "INDIVIDUAL, 90, 90837",
            "FAMILY, 50, 90847", "GROUP, 90, 90853" })
    void completingWithoutACodeDerivesItFromTypeAndLength(SessionType type, int minutes, String code) {
        Session completed = session(type, minutes).complete("notes", null, NOON.plusSeconds(3600));

        assertThat(completed.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(completed.serviceCode().code()).isEqualTo(code);
    }

    @Test
    void aGivenCodeWinsOverTheDerivedOne() {
        Session completed = session(SessionType.INDIVIDUAL, 50).complete("notes", ServiceCode.CRISIS_60, NOON);

        assertThat(completed.serviceCode()).isEqualTo(ServiceCode.CRISIS_60);
    }

    @Test
    void aVeryShortIndividualSessionNeedsAnExplicitCode() {
        assertThatThrownBy(() -> session(SessionType.INDIVIDUAL, 15).complete("notes", null, NOON))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unknownServiceCodesAreRefused() {
        assertThatThrownBy(() -> ServiceCode.of("99999")).isInstanceOf(InvalidInputException.class);
        assertThat(ServiceCode.of("90834")).isEqualTo(ServiceCode.PSYCHOTHERAPY_45);
    }

    @Test
    void cancellingLessThanADayAheadIsLate() {
        Session session = session(SessionType.INDIVIDUAL, 50);

        assertThat(session.cancel("ill", NOON.minus(Duration.ofHours(23))).cancelledLate()).isTrue();
        assertThat(session.cancel("ill", NOON.minus(Duration.ofHours(25))).cancelledLate()).isFalse();
    }

    @Test
    void onlyAScheduledSessionChangesState() {
        Session cancelled = session(SessionType.INDIVIDUAL, 50).cancel("ill", NOON.minus(Duration.ofDays(3)));

        assertThatThrownBy(() -> cancelled.cancel("again", NOON)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.complete("notes", null, NOON)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.missed(NOON)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.reschedule(NOON.plusSeconds(3600), null, NOON))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void lengthsOutsideOneMinuteToEightHoursAreRefused() {
        assertThatThrownBy(() -> session(SessionType.INDIVIDUAL, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> session(SessionType.INDIVIDUAL, -5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> session(SessionType.INDIVIDUAL, 481)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sessionsOverlapWhenTheirTimesIntersectButNotWhenTheyTouch() {
        Session noon = session(SessionType.INDIVIDUAL, 50);
        Session during = noon.reschedule(NOON.plus(Duration.ofMinutes(49)), 30, NOON);
        Session rightAfter = noon.reschedule(NOON.plus(Duration.ofMinutes(50)), 30, NOON);

        assertThat(noon.overlaps(session(SessionType.INDIVIDUAL, 10))).isTrue();
        assertThat(noon.overlaps(during)).isTrue();
        assertThat(noon.overlaps(rightAfter)).isFalse();
    }
}
