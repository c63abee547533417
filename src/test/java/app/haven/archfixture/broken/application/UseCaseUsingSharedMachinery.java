package app.haven.archfixture.broken.application;

import app.haven.archfixture.shared.machinery.SharedMachinery;

/** Breaks "modules meet at their roots only": the shared kernel too is reached through its root. */
public class UseCaseUsingSharedMachinery {

    private final SharedMachinery machinery = new SharedMachinery();

    Object machinery() {
        return machinery;
    }
}
