package app.haven.messaging.adapter.in.web;

import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.files.FileDownloads;
import app.haven.files.FileUploads;
import app.haven.messaging.application.ConversationAttachments;
import app.haven.messaging.domain.Message.Attachment;
import app.haven.shared.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Files in a conversation: uploaded by a participant (streamed, never buffered whole), downloaded by participants. */
@RestController
@RequestMapping("/api/v1/conversations/{id}/attachments")
class AttachmentController {

    private final ConversationAttachments attachments;

    AttachmentController(ConversationAttachments attachments) {
        this.attachments = attachments;
    }

    /** 201 with the reference to put in a message's {@code attachments}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Attachment> upload(Caller caller, @PathVariable String id, @RequestBody Flux<PartEvent> parts) {
        return FileUploads.withFile(parts, upload -> attachments.upload(caller, id, upload.declaredName(), upload.bytes()));
    }

    @GetMapping("/{fileId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(Caller caller, @PathVariable String id, @PathVariable UUID fileId) {
        return attachments.download(caller, id, fileId).map(FileDownloads::response);
    }
}
