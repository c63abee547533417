package app.haven.shared.store;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process MongoDB wire-protocol server that stands in for MongoDB when no
 * {@code spring.mongodb.uri} is configured.
 *
 * @param backend {@code file} keeps documents in an H2 file under {@code directory};
 *                {@code memory} keeps them in an in-memory H2 store and forgets them on exit (tests)
 * @param directory where the file backend keeps its data (under the data directory)
 * @param port the port it listens on, 0 for any free one
 * @param changeStreams whether the server keeps an oplog for change streams. Off by default: Haven on
 *                  the embedded server is one instance and delivers live events in process, and the
 *                  server rescans its whole oplog on every poll, a cost that grows with everything
 *                  written. Tests of the change-stream path turn it on
 * @param oplogWindow how much history its oplog keeps for change streams: resuming a live stream
 *                  reaches back this far, so it must exceed {@code haven.messaging.live-replay-window};
 *                  older entries are trimmed, because the server rescans the whole oplog on every poll
 * @param changeStreamPollInterval how long a change-stream tail waits before asking the server again
 *                  after an empty answer (it does not wait for data itself); the most it adds to live delivery
 */
@ConfigurationProperties("haven.embedded-mongo")
record EmbeddedMongoProperties(
        @DefaultValue("file") Backend backend,
        Path directory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean changeStreams,
        @DefaultValue("2h") Duration oplogWindow,
        @DefaultValue("20ms") Duration changeStreamPollInterval) {

    enum Backend { FILE, MEMORY }
}
