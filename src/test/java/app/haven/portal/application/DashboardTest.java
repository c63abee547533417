package app.haven.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.haven.billing.Balances;
import app.haven.messaging.Inboxes;
import app.haven.messaging.MessageSent;
import app.haven.patients.SessionDirectory;
import app.haven.portal.application.port.out.MoodStore;
import app.haven.portal.application.port.out.PreferenceStore;
import app.haven.shared.Caller;
import app.haven.shared.Role;
import app.haven.worksheets.Worksheets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dashboard answers with what it has when a module fails or hangs, and names what is missing. */
class DashboardTest {

    private static final Caller CLIENT = new Caller(UUID.randomUUID(), Role.CLIENT);
    private static final PortalProperties PROPERTIES = new PortalProperties(ZoneId.of("UTC"), Duration.ofMillis(250),
            Duration.ofMillis(300), Duration.ofHours(24));

    @Test
    void aFailingModuleAndAHangingOneAreNamedAndTheRestStillAnswers() {
        Balances failingBilling = clientId -> Mono.error(new IllegalStateException("billing store down"));
        Inboxes hangingMessaging = new Inboxes() {
            @Override
            public Mono<Long> unreadTotal(UUID userId) {
                return Mono.never();
            }

            @Override
            public Mono<Set<UUID>> toAlertOf(MessageSent sent) {
                return Mono.just(Set.of());
            }
        };

        Dashboard.View view = dashboard(failingBilling, hangingMessaging).of(CLIENT).block(Duration.ofSeconds(5));

        assertThat(view.missing()).containsExactly("unreadMessages", "balance");
        assertThat(view.balance()).isNull();
        assertThat(view.unreadMessages()).isNull();
        assertThat(view.upcomingSessions()).hasSize(1);
        assertThat(view.openWorksheets()).isEmpty();
    }

    @Test
    void withEveryModuleAnsweringNothingIsMissing() {
        Dashboard.View view = dashboard(clientId -> Mono.just(new Balances.Balance(new BigDecimal("12.50"), "USD")),
                new Inboxes() {
                    @Override
                    public Mono<Long> unreadTotal(UUID userId) {
                        return Mono.just(3L);
                    }

                    @Override
                    public Mono<Set<UUID>> toAlertOf(MessageSent sent) {
                        return Mono.just(Set.of());
                    }
                }).of(CLIENT).block(Duration.ofSeconds(5));

        assertThat(view.missing()).isEmpty();
        assertThat(view.balance()).isEqualTo(new Dashboard.Balance("12.50", "USD"));
        assertThat(view.unreadMessages()).isEqualTo(3L);
        assertThat(view.latestMood()).isNull();
    }

    private static Dashboard dashboard(Balances balances, Inboxes inboxes) {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        SessionDirectory sessions = new SessionDirectory() {
            @Override
            public Mono<SessionParties> partiesOf(UUID sessionId) {
                return Mono.empty();
            }

            @Override
            public Flux<SessionSlot> upcomingFor(UUID clientId, Instant from, int limit) {
                return Flux.just(new SessionSlot(UUID.randomUUID(), clientId, UUID.randomUUID(),
                        now.plus(Duration.ofDays(1)), 50, "INDIVIDUAL", true));
            }

            @Override
            public Flux<SessionSlot> scheduledBetween(Instant from, Instant to, int limit) {
                return Flux.empty();
            }
        };
        Worksheets worksheets = new Worksheets() {
            @Override
            public Mono<Notice> noticeOf(UUID worksheetId) {
                return Mono.empty();
            }

            @Override
            public Flux<OpenWorksheet> openFor(UUID clientId, int limit) {
                return Flux.empty();
            }

            @Override
            public Flux<OpenWorksheet> dueBetween(Instant from, Instant to, int limit) {
                return Flux.empty();
            }
        };
        MoodJournal moods = new MoodJournal(emptyMoods(), emptyPreferences(), PROPERTIES,
                Clock.fixed(now, ZoneOffset.UTC));
        return new Dashboard(sessions, worksheets, inboxes, balances, moods, PROPERTIES, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static MoodStore emptyMoods() {
        return new MoodStore() {
            @Override
            public Mono<Void> add(app.haven.portal.domain.MoodEntry entry) {
                return Mono.empty();
            }

            @Override
            public Flux<app.haven.portal.domain.MoodEntry> list(UUID clientId, Instant from, Instant to,
                    Position after, int limit) {
                return Flux.empty();
            }

            @Override
            public Mono<app.haven.portal.domain.MoodEntry> latest(UUID clientId) {
                return Mono.empty();
            }

            @Override
            public Flux<app.haven.portal.domain.MoodTrend> trends(UUID clientId, java.time.LocalDate from,
                    java.time.LocalDate to, app.haven.portal.domain.MoodTrend.Bucket bucket) {
                return Flux.empty();
            }
        };
    }

    private static PreferenceStore emptyPreferences() {
        return new PreferenceStore() {
            @Override
            public Mono<app.haven.portal.domain.Preferences> find(UUID accountId) {
                return Mono.empty();
            }

            @Override
            public Flux<app.haven.portal.domain.Preferences> findAll(java.util.Collection<UUID> accountIds) {
                return Flux.empty();
            }

            @Override
            public Flux<app.haven.portal.domain.Preferences> withMessageDigest() {
                return Flux.empty();
            }

            @Override
            public Mono<Void> save(app.haven.portal.domain.Preferences preferences, Instant now) {
                return Mono.empty();
            }
        };
    }

}
