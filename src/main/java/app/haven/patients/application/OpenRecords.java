package app.haven.patients.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.application.port.out.ClientRecordStore;
import app.haven.patients.application.port.out.TherapistRoster;
import app.haven.patients.domain.ClientRecord;
import app.haven.shared.Role;
import reactor.core.publisher.Mono;

/**
 * A new account gets its record here: a client a record waiting for a therapist, a therapist a
 * place on the roster. Safe to repeat: an existing record is left as it is.
 */
@Service
public class OpenRecords {

    private final ClientRecordStore records;
    private final TherapistRoster roster;
    private final Clock clock;

    OpenRecords(ClientRecordStore records, TherapistRoster roster, Clock clock) {
        this.records = records;
        this.roster = roster;
        this.clock = clock;
    }

    public Mono<Void> accountRegistered(UUID accountId, Role role) {
        return switch (role) {
            case CLIENT -> records.addIfAbsent(ClientRecord.open(accountId, clock.instant())).then();
            case THERAPIST -> roster.addIfAbsent(accountId, clock.instant());
            case STAFF, ADMIN -> Mono.empty();
        };
    }
}
