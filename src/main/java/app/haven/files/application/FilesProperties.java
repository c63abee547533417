package app.haven.files.application;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param directory where the local blob store keeps bytes (named by SHA-256) and stages uploads
 * @param maxSize   the largest file accepted; reading an upload stops one byte past it
 * @param uploadBurst how many files one person may upload at once before the rate applies
 * @param uploadsPerHour the rate at which a person's upload allowance refills
 */
@ConfigurationProperties("haven.files")
public record FilesProperties(
        @DefaultValue("${haven.data-dir:./data}/files") Path directory,
        @DefaultValue("5MB") DataSize maxSize,
        @DefaultValue("20") int uploadBurst,
        @DefaultValue("120") int uploadsPerHour) {
}
