package app.haven.patients.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.Caseload;
import app.haven.patients.application.port.out.Assignments;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
class CaseloadQueries implements Caseload {

    private final Assignments assignments;

    CaseloadQueries(Assignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public Mono<Boolean> isAssigned(UUID therapistId, UUID clientId) {
        return assignments.activeOf(clientId).map(assignment -> assignment.isWith(therapistId)).defaultIfEmpty(false);
    }

    @Override
    public Flux<UUID> clientsOf(UUID therapistId) {
        return assignments.activeFor(therapistId).map(assignment -> assignment.clientId());
    }

    @Override
    public Flux<UUID> therapistsOf(UUID clientId) {
        return assignments.activeOf(clientId).map(assignment -> assignment.therapistId()).flux();
    }
}
