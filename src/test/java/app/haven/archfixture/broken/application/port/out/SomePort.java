package app.haven.archfixture.broken.application.port.out;

import app.haven.archfixture.broken.domain.Thing;

/** A sound out-port. */
public interface SomePort {

    Thing find(String id);
}
