package app.haven.messaging.adapter.in.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.messaging.application.BlockPeople;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** The caller's blocks. */
@RestController
@RequestMapping("/api/v1/blocks")
class BlockController {

    private final BlockPeople blockPeople;

    BlockController(BlockPeople blockPeople) {
        this.blockPeople = blockPeople;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<BlockResponse> block(Caller caller, @Valid @RequestBody BlockRequest request) {
        return blockPeople.block(caller, request.userId(), request.reason()).map(BlockResponse::of);
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unblock(Caller caller, @PathVariable UUID userId) {
        return blockPeople.unblock(caller, userId);
    }

    @GetMapping
    Mono<CursorPage<BlockResponse>> list(Caller caller) {
        return blockPeople.list(caller)
                .map(page -> CursorPage.last(page.items().stream().map(BlockResponse::of).toList()));
    }

    record BlockResponse(UUID userId, String reason, Instant createdAt) {
        static BlockResponse of(BlockPeople.Blocked block) {
            return new BlockResponse(block.userId(), block.reason(), block.createdAt());
        }
    }

    record BlockRequest(@NotNull UUID userId, @Size(max = 500) String reason) {
    }
}
