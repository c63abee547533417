package app.haven.patients;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * A client's diagnosis as ICD-10 codes, in the therapist's order: what billing prints on a
 * superbill. The therapist keeps it in the client's record; nothing else of the record leaves.
 */
public interface Diagnoses {

    /** The codes, empty when the client has none recorded (or no record). */
    Mono<List<String>> codesOf(UUID clientId);
}
