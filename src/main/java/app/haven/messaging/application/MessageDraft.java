package app.haven.messaging.application;

import java.util.List;
import java.util.UUID;

import app.haven.messaging.domain.MessageType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A message to send, as the apps send it over REST and RSocket alike; {@code attachments}
 * reference files uploaded to the conversation.
 */
public record MessageDraft(@NotNull String content, @NotNull MessageType type, @Size(max = 100) String replyToId,
        @Size(max = 10) List<@Valid @NotNull AttachmentReference> attachments,
        @Size(min = 1, max = 100) String clientMessageId) {

    public SendMessage.Command command() {
        return new SendMessage.Command(content, type, replyToId,
                attachments == null ? List.of() : attachments.stream().map(AttachmentReference::fileId).toList(),
                clientMessageId);
    }

    /** As the upload answered it; only {@code fileId} is taken, the rest is what Haven stored. */
    public record AttachmentReference(@NotNull UUID fileId, @Size(max = 255) String name, Long size,
            @Size(max = 255) String contentType) {
    }
}
