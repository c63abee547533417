package app.haven.shared.store;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Says once, at startup, which stores this instance runs on and where its data lives, so nobody
 * mistakes an embedded run for a production one.
 */
@Component
class RunModeReport {

    private static final Logger log = LoggerFactory.getLogger(RunModeReport.class);

    private final Environment environment;
    private final ObjectProvider<MongoServer> embeddedMongo;
    private final MongoConnectionDetails mongo;

    RunModeReport(Environment environment, ObjectProvider<MongoServer> embeddedMongo, MongoConnectionDetails mongo) {
        this.environment = environment;
        this.embeddedMongo = embeddedMongo;
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String jdbcUrl = environment.getProperty("spring.datasource.url", "");
        boolean embeddedRelational = jdbcUrl.startsWith("jdbc:h2:");
        boolean embeddedDocuments = embeddedMongo.getIfAvailable() != null;
        String mode = embeddedRelational && embeddedDocuments ? "EMBEDDED"
                : !embeddedRelational && !embeddedDocuments ? "PRODUCTION" : "MIXED";
        log.info("Haven runs in {} mode. Relational store: {} ({}). Documents: {} ({}). Data directory: {}",
                mode,
                embeddedRelational ? "H2 in PostgreSQL mode" : "PostgreSQL", withoutSecrets(jdbcUrl),
                embeddedDocuments ? "embedded MongoDB wire-protocol server" : "MongoDB",
                withoutSecrets(mongo.getConnectionString().toString()),
                Path.of(environment.getProperty("haven.data-dir", "./data")).toAbsolutePath().normalize());
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("//[^/@]*@", "//***@").replaceAll("(?i)password=[^;&]*", "password=***");
    }
}
