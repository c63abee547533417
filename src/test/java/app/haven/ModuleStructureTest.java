package app.haven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's own view of Haven: the module boundaries and allowed dependencies hold, and
 * the eight modules are the ones it detects, so a renamed or stray top-level package shows up
 * here rather than as a module nobody declared.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(HavenApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void detectsExactlyTheEightModules() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("shared", "identity", "files", "patients", "worksheets", "billing",
                        "messaging", "portal");
    }
}
