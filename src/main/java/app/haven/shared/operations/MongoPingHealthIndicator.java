package app.haven.shared.operations;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * MongoDB's health by {@code ping}, which both real MongoDB and the embedded wire-protocol server
 * answer (Boot's own indicator sends {@code hello}, which the embedded server lacks). Named
 * {@code mongoHealthIndicator} so Boot's indicator backs off.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(database -> Mono.from(database.runCommand(new Document("ping", 1)))
                        .map(answer -> builder.up().withDetail("database", database.getName()).build()));
    }
}
