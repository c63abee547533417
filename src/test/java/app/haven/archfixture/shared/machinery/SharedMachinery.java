package app.haven.archfixture.shared.machinery;

/** Machinery below the fixture shared kernel's root, which other modules must not use. */
public class SharedMachinery {
}
