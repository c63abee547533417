package app.haven.portal.application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.haven.billing.Balances;
import app.haven.messaging.Inboxes;
import app.haven.patients.SessionDirectory;
import app.haven.portal.domain.MoodEntry;
import app.haven.shared.Caller;
import app.haven.worksheets.Worksheets;
import reactor.core.publisher.Mono;

/**
 * The client's first screen, gathered from five modules at once. Each part may fail or be slow on
 * its own: it is then left out and named in {@code missing}, and the rest still answers.
 */
@Service
public class Dashboard {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final int UPCOMING = 5;
    private static final int OPEN_WORKSHEETS = 10;

    private final SessionDirectory sessions;
    private final Worksheets worksheets;
    private final Inboxes inboxes;
    private final Balances balances;
    private final MoodJournal moods;
    private final PortalProperties properties;
    private final Clock clock;

    Dashboard(SessionDirectory sessions, Worksheets worksheets, Inboxes inboxes, Balances balances, MoodJournal moods,
            PortalProperties properties, Clock clock) {
        this.sessions = sessions;
        this.worksheets = worksheets;
        this.inboxes = inboxes;
        this.balances = balances;
        this.moods = moods;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<View> of(Caller caller) {
        PortalAccess.requireClient(caller);
        UUID me = caller.id();
        return Mono.zip(
                        part("upcomingSessions", sessions.upcomingFor(me, clock.instant(), UPCOMING).collectList()),
                        part("openWorksheets", worksheets.openFor(me, OPEN_WORKSHEETS).collectList()),
                        part("unreadMessages", inboxes.unreadTotal(me)),
                        part("balance", balances.balanceOf(me)
                                .map(balance -> new Balance(balance.amount().toPlainString(), balance.currency()))),
                        part("latestMood", moods.latest(me).map(Optional::of).defaultIfEmpty(Optional.empty())))
                .map(parts -> {
                    List<String> missing = new ArrayList<>();
                    parts.toList().forEach(part -> ((Part<?>) part).noteIfMissing(missing));
                    return new View(parts.getT1().value(), parts.getT2().value(), parts.getT3().value(),
                            parts.getT4().value(), parts.getT5().value() == null ? null : parts.getT5().value().orElse(null),
                            missing);
                });
    }

    private <T> Mono<Part<T>> part(String name, Mono<T> source) {
        Duration patience = properties.dashboardPartTimeout();
        return source.timeout(patience)
                .map(value -> new Part<>(name, value))
                .onErrorResume(failure -> {
                    log.warn("Dashboard part {} is missing", name, failure);
                    return Mono.just(new Part<>(name, null));
                });
    }

    /** A part of the dashboard; {@code value} null when its module did not answer. */
    private record Part<T>(String name, T value) {

        void noteIfMissing(List<String> missing) {
            if (value == null) {
                missing.add(name);
            }
        }
    }

    /** Each part null when missing, and named in {@code missing}. */
    public record View(List<SessionDirectory.SessionSlot> upcomingSessions,
            List<Worksheets.OpenWorksheet> openWorksheets, Long unreadMessages, Balance balance, MoodEntry latestMood,
            List<String> missing) {
    }

    /** As every amount goes out: a decimal string. */
    public record Balance(String amount, String currency) {
    }

}
