package app.haven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the run measured: cores, memory, CPU model and operating system. */
final class Machine {

    private Machine() {
    }

    static String description() {
        return Run.format("%d cores (%s), %.0f GiB, %s %s", Runtime.getRuntime().availableProcessors(), cpu(),
                memoryBytes() / (double) (1L << 30), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static String cpu() {
        return line("/proc/cpuinfo", "model name").replaceFirst(".*:\\s*", "");
    }

    private static long memoryBytes() {
        String total = line("/proc/meminfo", "MemTotal");
        return total.isEmpty() ? 0 : Long.parseLong(total.replaceAll("\\D", "")) * 1024;
    }

    private static String line(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
