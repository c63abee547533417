package app.haven.archfixture.broken.domain;

import java.util.UUID;

import app.haven.archfixture.shared.SharedValue;

/** A sound domain type: the JDK and the shared kernel's root only. No rule may report it. */
public record Thing(UUID id, SharedValue label) {
}
