package app.haven.archfixture.broken.adapter.in.web;

/** A sound request body. */
public record WebRequest(String id) {
}
