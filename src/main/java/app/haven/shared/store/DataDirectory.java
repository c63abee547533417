package app.haven.shared.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes sure the data directory exists from the start: the embedded stores, the signing key and
 * the disk-space health check all point into it.
 */
@Component
class DataDirectory {

    DataDirectory(@Value("${haven.data-dir:./data}") Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory.toAbsolutePath(), e);
        }
    }
}
