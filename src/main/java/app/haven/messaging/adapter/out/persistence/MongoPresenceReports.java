package app.haven.messaging.adapter.out.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import app.haven.messaging.application.port.out.PresenceReports;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One document per person, {@code instances.<instance id>} holding each instance's latest report. */
@Repository
class MongoPresenceReports implements PresenceReports {

    static final String COLLECTION = "presence";

    private final ReactiveMongoTemplate mongo;

    MongoPresenceReports(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> report(UUID userId, Report report) {
        Document value = new Document("connections", report.connections())
                .append("lastActiveAt", Date.from(report.lastActiveAt()))
                .append("reportedAt", Date.from(report.reportedAt()));
        return mongo.upsert(Query.query(where("_id").is(userId.toString())),
                new Update().set("instances." + report.instanceId(), value), COLLECTION).then();
    }

    @Override
    public Flux<PersonReports> reportsOf(Collection<UUID> userIds) {
        List<String> ids = userIds.stream().map(UUID::toString).toList();
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(ids)), Document.class, COLLECTION).map(document -> {
                    List<Report> reports = new ArrayList<>();
                    Document instances = document.get("instances", Document.class);
                    if (instances != null) {
                        instances.forEach((instance, value) -> {
                            Document report = (Document) value;
                            reports.add(new Report(instance, report.getInteger("connections", 0),
                                    report.getDate("lastActiveAt").toInstant(), report.getDate("reportedAt").toInstant()));
                        });
                    }
                    return new PersonReports(UUID.fromString(document.getString("_id")), reports);
                });
    }
}
