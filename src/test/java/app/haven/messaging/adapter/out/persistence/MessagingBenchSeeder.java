package app.haven.messaging.adapter.out.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import app.haven.messaging.domain.Conversation;
import app.haven.messaging.domain.Message;
import app.haven.messaging.domain.MessageType;
import app.haven.messaging.domain.Participant;
import app.haven.messaging.domain.ParticipantRole;
import reactor.core.publisher.Flux;

/**
 * Seeds a running Haven's MongoDB for the messaging benchmark ({@code bench/messaging/run.sh}):
 * {@code conversations × messagesPerConversation} messages in DIRECT conversations, the first
 * {@code readerConversations} of them shared with {@code reader}, who has read all but a few of each.
 * Documents are written in the exact shape Haven's adapters store (the same document records),
 * straight into the collections, because sending a million messages through the API would measure
 * the seeding, not the reads.
 * <p>
 * Arguments: {@code mongoUri readerId [conversations=2000] [messagesPerConversation=500] [readerConversations=200]}.
 */
public final class MessagingBenchSeeder {

    private static final int BATCH = 2_000;
    private static final String[] WORDS = { "session", "worksheet", "breathing", "anxious", "better", "sleep",
            "tomorrow", "thanks", "journal", "feeling", "progress", "exercise", "calm", "week", "plan", "talk",
            "morning", "walk", "notice", "thought", "homework", "appointment", "reschedule", "grateful" };

    private MessagingBenchSeeder() {
    }

    public static void main(String[] args) {
        String uri = args[0];
        UUID reader = UUID.fromString(args[1]);
        int conversations = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int perConversation = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int readerConversations = args.length > 4 ? Integer.parseInt(args[4]) : 200;

        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(connection)
                .uuidRepresentation(UuidRepresentation.STANDARD).build();
        try (MongoClient client = MongoClients.create(settings)) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, connection.getDatabase());
            long started = System.nanoTime();
            SplittableRandom random = new SplittableRandom(42);
            Instant now = Instant.now();
            Map<UUID, List<String>> inboxes = new LinkedHashMap<>();
            List<MessageDocument> pending = new ArrayList<>(BATCH);
            long written = 0;

            for (int c = 0; c < conversations; c++) {
                String id = new ObjectId().toHexString();
                UUID one = c < readerConversations ? reader : UUID.randomUUID();
                UUID other = UUID.randomUUID();
                Instant opened = now.minus(Duration.ofMinutes(perConversation + 10L));
                long readThrough = perConversation - (c % 7);
                Message last = null;
                for (int seq = 1; seq <= perConversation; seq++) {
                    UUID sender = seq % 2 == 0 ? one : other;
                    Message message = Message.written(id, 0, sender, MessageType.TEXT, sentence(random), null,
                            List.of(), null, opened.plus(Duration.ofMinutes(seq))).numbered(seq);
                    pending.add(MessageDocument.of(message, List.of()));
                    last = message;
                    if (pending.size() == BATCH) {
                        written += flush(mongo, pending);
                    }
                }
                Map<String, ConversationDocument.MemberDocument> members = new LinkedHashMap<>();
                members.put(one.toString(), ConversationDocument.MemberDocument.of(
                        new Participant(one, ParticipantRole.MEMBER, opened, null, readThrough, now, false, false)));
                members.put(other.toString(), ConversationDocument.MemberDocument.of(
                        new Participant(other, ParticipantRole.MEMBER, opened, null, perConversation, now, false, false)));
                ConversationDocument.PreviewDocument preview = ConversationDocument.PreviewDocument.of(
                        Conversation.MessagePreview.of(last));
                mongo.insert(new ConversationDocument(id, "DIRECT", null, null, members, Conversation.directKey(one, other),
                        opened, perConversation, last.createdAt(), last.createdAt(), preview, false, null,
                        perConversation, 0, List.of()), MongoConversations.COLLECTION).block();
                inboxes.computeIfAbsent(one, person -> new ArrayList<>()).add(id);
                inboxes.computeIfAbsent(other, person -> new ArrayList<>()).add(id);
                if ((c + 1) % 100 == 0) {
                    System.out.printf("%,d conversations, %,d messages, %.0f s%n", c + 1, written + pending.size(),
                            (System.nanoTime() - started) / 1e9);
                }
            }
            written += flush(mongo, pending);
            Flux.fromIterable(inboxes.entrySet())
                    .map(inbox -> new Document("_id", inbox.getKey().toString()).append("conversationIds", inbox.getValue()))
                    .buffer(BATCH)
                    .concatMap(batch -> mongo.insert(batch, MongoInboxes.COLLECTION))
                    .blockLast();
            System.out.printf("Seeded %,d conversations and %,d messages in %.0f s%n", conversations, written,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static long flush(ReactiveMongoTemplate mongo, List<MessageDocument> pending) {
        long count = pending.size();
        if (count > 0) {
            mongo.insert(new ArrayList<>(pending), MongoMessages.COLLECTION).blockLast();
            pending.clear();
        }
        return count;
    }

    private static String sentence(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int words = 6 + random.nextInt(14);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }
}
