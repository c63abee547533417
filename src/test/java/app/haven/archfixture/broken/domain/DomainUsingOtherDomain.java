package app.haven.archfixture.broken.domain;

import app.haven.archfixture.other.domain.OtherThing;

/** A domain may use its own module's domain only, never another module's; breaks two rules. */
public record DomainUsingOtherDomain(OtherThing other) {
}
