package app.haven.archfixture.broken.adapter.in.web;

import app.haven.archfixture.broken.adapter.in.rsocket.StreamFrame;

/** Breaks "adapters depend inward only": one inbound adapter kind using another. */
public class WebUsingRsocket {

    StreamFrame frame(WebRequest request) {
        return new StreamFrame(request.id());
    }
}
