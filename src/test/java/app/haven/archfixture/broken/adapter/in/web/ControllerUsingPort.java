package app.haven.archfixture.broken.adapter.in.web;

import app.haven.archfixture.broken.application.port.out.SomePort;

/** Breaks "controllers call use cases only": it reads the out-port itself. */
public class ControllerUsingPort {

    private final SomePort port;

    public ControllerUsingPort(SomePort port) {
        this.port = port;
    }

    Object get(WebRequest request) {
        return port.find(request.id());
    }
}
