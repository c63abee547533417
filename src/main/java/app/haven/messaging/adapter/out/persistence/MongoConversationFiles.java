package app.haven.messaging.adapter.out.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import app.haven.messaging.application.port.out.ConversationFiles;
import app.haven.messaging.domain.Message.Attachment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One document per uploaded file, keyed {@code <conversation>:<file>}, so every check and change is a lookup by id. */
@Repository
class MongoConversationFiles implements ConversationFiles {

    static final String COLLECTION = "conversation_files";

    private final ReactiveMongoTemplate mongo;

    MongoConversationFiles(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> add(String conversationId, UUID uploaderId, Attachment file) {
        Document document = new Document("_id", key(conversationId, file.fileId()))
                .append("conversationId", conversationId)
                .append("uploaderId", uploaderId.toString())
                .append("fileId", file.fileId().toString())
                .append("name", file.name())
                .append("size", file.size())
                .append("contentType", file.contentType());
        return mongo.save(document, COLLECTION).then();
    }

    @Override
    public Flux<Upload> findAll(String conversationId, Collection<UUID> fileIds) {
        List<String> keys = keys(conversationId, fileIds);
        return keys.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(keys)), Document.class, COLLECTION)
                        .map(document -> new Upload(new Attachment(UUID.fromString(document.getString("fileId")),
                                document.getString("name"), ((Number) document.get("size")).longValue(),
                                document.getString("contentType")),
                                UUID.fromString(document.getString("uploaderId")), document.getString("messageId")));
    }

    @Override
    public Mono<Void> attach(String conversationId, Collection<UUID> fileIds, String messageId) {
        List<String> keys = keys(conversationId, fileIds);
        return keys.isEmpty() ? Mono.empty()
                : mongo.updateMulti(Query.query(where("_id").in(keys)), new Update().set("messageId", messageId),
                        COLLECTION).then();
    }

    @Override
    public Mono<Void> remove(String conversationId, Collection<UUID> fileIds) {
        List<String> keys = keys(conversationId, fileIds);
        return keys.isEmpty() ? Mono.empty()
                : mongo.remove(Query.query(where("_id").in(keys)), COLLECTION).then();
    }

    private static List<String> keys(String conversationId, Collection<UUID> fileIds) {
        return fileIds.stream().distinct().map(fileId -> key(conversationId, fileId)).toList();
    }

    private static String key(String conversationId, UUID fileId) {
        return conversationId + ":" + fileId;
    }
}
