package app.haven.portal.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.portal.application.MoodJournal;
import app.haven.portal.domain.MoodEntry;
import app.haven.portal.domain.MoodTrend;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** The client's mood journal and its trends. */
@RestController
@Validated
@RequestMapping("/api/v1/portal/mood-entries")
class MoodController {

    private final MoodJournal journal;

    MoodController(MoodJournal journal) {
        this.journal = journal;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MoodEntry> record(Caller caller, @Valid @RequestBody EntryRequest request) {
        return journal.record(caller, new MoodJournal.NewEntry(request.mood(), request.energy(), request.sleepHours(),
                request.stress(), request.activities(), request.note(), request.recordedAt()));
    }

    @GetMapping
    Mono<CursorPage<MoodEntry>> list(Caller caller, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return journal.list(caller, from, to, cursor, limit);
    }

    @GetMapping("/trends")
    Mono<List<MoodTrend>> trends(Caller caller, @RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(defaultValue = "DAY") MoodTrend.Bucket bucket) {
        return journal.trends(caller, from, to, bucket);
    }

    record EntryRequest(@NotNull @Min(1) @Max(10) Integer mood, @Min(1) @Max(10) Integer energy, BigDecimal sleepHours,
            @Min(1) @Max(10) Integer stress, @Size(max = MoodEntry.MAX_ACTIVITIES) List<@NotNull String> activities,
            @Size(max = MoodEntry.MAX_NOTE) String note, Instant recordedAt) {
    }
}
