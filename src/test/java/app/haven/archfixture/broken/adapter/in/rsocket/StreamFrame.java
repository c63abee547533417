package app.haven.archfixture.broken.adapter.in.rsocket;

/** A sound frame on the wire. */
public record StreamFrame(String id) {
}
