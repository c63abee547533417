package app.haven.archfixture.broken.adapter.in.rsocket;

import app.haven.archfixture.broken.adapter.out.persistence.SomeRepositoryAdapter;

/** Breaks two rules: an inbound adapter using an outbound one, and a controller skipping the use case. */
public class ControllerUsingRepository {

    private final SomeRepositoryAdapter repository = new SomeRepositoryAdapter();

    StreamFrame stream(String id) {
        return new StreamFrame(repository.find(id).id().toString());
    }
}
