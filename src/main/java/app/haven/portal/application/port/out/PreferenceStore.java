package app.haven.portal.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import app.haven.portal.domain.Preferences;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notification preferences; a person without a row has the defaults. */
public interface PreferenceStore {

    Mono<Preferences> find(UUID accountId);

    Flux<Preferences> findAll(Collection<UUID> accountIds);

    /** Everyone who asked for a daily digest of unread messages. */
    Flux<Preferences> withMessageDigest();

    Mono<Void> save(Preferences preferences, Instant now);
}
