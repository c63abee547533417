package app.haven.patients.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.SessionDirectory;
import app.haven.patients.application.port.out.SessionStore;
import reactor.core.publisher.Mono;

@Service
class SessionDirectoryService implements SessionDirectory {

    private final SessionStore sessions;

    SessionDirectoryService(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Mono<SessionParties> partiesOf(UUID sessionId) {
        return sessions.find(sessionId)
                .map(session -> new SessionParties(session.id(), session.clientId(), session.therapistId()));
    }
}
