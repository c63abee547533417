package app.haven.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK the harness runs on, whose {@code java} starts Haven and whose {@code jcmd} inspects it. */
final class Jdk {

    private Jdk() {
    }

    static String tool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }

    static String description() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }
}
