package app.haven.archfixture.other;

/** Part of the neighbour module's contract: its root package. */
public record OtherEvent(String id) {
}
