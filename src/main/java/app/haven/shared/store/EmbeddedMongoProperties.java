package app.haven.shared.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process MongoDB wire-protocol server that stands in for MongoDB when no
 * {@code spring.mongodb.uri} is configured.
 *
 * @param backend {@code file} keeps documents in an H2 file under {@code directory};
 *                {@code memory} forgets them on exit (tests)
 * @param directory where the file backend keeps its data (under the data directory)
 * @param port the port it listens on, 0 for any free one
 */
@ConfigurationProperties("haven.embedded-mongo")
record EmbeddedMongoProperties(
        @DefaultValue("file") Backend backend,
        Path directory,
        @DefaultValue("0") int port) {

    enum Backend { FILE, MEMORY }
}
