package app.haven.archfixture.broken.application;

import app.haven.archfixture.broken.application.port.out.SomePort;
import app.haven.archfixture.broken.domain.Thing;
import app.haven.archfixture.other.OtherEvent;
import app.haven.archfixture.shared.SharedValue;

/** A sound use case: its port, its domain, another module's root, the shared root. No rule may report it. */
public class CleanUseCase {

    private final SomePort port;

    public CleanUseCase(SomePort port) {
        this.port = port;
    }

    public Thing run(OtherEvent event) {
        Thing thing = port.find(event.id());
        return new Thing(thing.id(), new SharedValue(event.id()));
    }
}
