package app.haven.patients.application;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.SessionDirectory;
import app.haven.patients.application.port.out.SessionStore;
import app.haven.patients.application.port.out.SessionStore.SessionQuery;
import app.haven.patients.domain.Session;
import app.haven.patients.domain.SessionStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
class SessionDirectoryService implements SessionDirectory {

    private final SessionStore sessions;

    SessionDirectoryService(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Flux<SessionSlot> upcomingFor(UUID clientId, Instant from, int limit) {
        return sessions.list(new SessionQuery(null, false, clientId, SessionStatus.SCHEDULED, from, null), null, limit)
                .map(SessionDirectoryService::slot);
    }

    @Override
    public Flux<SessionSlot> scheduledBetween(Instant from, Instant to, int limit) {
        return sessions.list(new SessionQuery(null, false, null, SessionStatus.SCHEDULED, from, to), null, limit)
                .map(SessionDirectoryService::slot);
    }

    private static SessionSlot slot(Session session) {
        return new SessionSlot(session.id(), session.clientId(), session.therapistId(), session.startsAt(),
                session.durationMinutes(), session.type().name(), session.telehealth());
    }

    @Override
    public Mono<SessionParties> partiesOf(UUID sessionId) {
        return sessions.find(sessionId)
                .map(session -> new SessionParties(session.id(), session.clientId(), session.therapistId()));
    }
}
