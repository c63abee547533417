package app.haven.archfixture.shared;

/** A type in the fixture shared kernel's root, which every room may use. */
public record SharedValue(String value) {
}
