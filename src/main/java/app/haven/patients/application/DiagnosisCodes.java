package app.haven.patients.application;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.haven.patients.Diagnoses;
import app.haven.patients.application.port.out.ClientRecordStore;
import reactor.core.publisher.Mono;

@Service
class DiagnosisCodes implements Diagnoses {

    private final ClientRecordStore records;

    DiagnosisCodes(ClientRecordStore records) {
        this.records = records;
    }

    @Override
    public Mono<List<String>> codesOf(UUID clientId) {
        return records.find(clientId).map(record -> record.diagnosis().codes()).defaultIfEmpty(List.of());
    }
}
