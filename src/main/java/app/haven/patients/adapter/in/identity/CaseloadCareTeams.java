package app.haven.patients.adapter.in.identity;

import java.util.UUID;

import org.springframework.stereotype.Component;

import app.haven.identity.CareTeams;
import app.haven.patients.Caseload;
import reactor.core.publisher.Flux;

/**
 * Answers the identity module's question "who cares for whom" from the caseloads this module
 * owns: identity declares the port, patients implements it, so identity never names patients.
 */
@Component
class CaseloadCareTeams implements CareTeams {

    private final Caseload caseload;

    CaseloadCareTeams(Caseload caseload) {
        this.caseload = caseload;
    }

    @Override
    public Flux<UUID> clientsOf(UUID therapistId) {
        return caseload.clientsOf(therapistId);
    }

    @Override
    public Flux<UUID> therapistsOf(UUID clientId) {
        return caseload.therapistsOf(clientId);
    }
}
