package app.haven.archfixture.broken.adapter.out.persistence;

import java.util.UUID;

import app.haven.archfixture.broken.application.port.out.SomePort;
import app.haven.archfixture.broken.domain.Thing;
import app.haven.archfixture.shared.SharedValue;

/** A sound outbound adapter: it implements its port and speaks the domain. No rule may report it. */
public class SomeRepositoryAdapter implements SomePort {

    @Override
    public Thing find(String id) {
        return new Thing(UUID.nameUUIDFromBytes(id.getBytes()), new SharedValue(id));
    }
}
