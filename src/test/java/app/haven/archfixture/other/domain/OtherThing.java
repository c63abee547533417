package app.haven.archfixture.other.domain;

/** Inside the neighbour module, out of bounds for every other module. */
public record OtherThing(String id) {
}
