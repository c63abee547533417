package app.haven.patients.adapter.in.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.haven.patients.application.RecordSessionOutcome;
import app.haven.patients.application.ScheduleSession;
import app.haven.patients.application.SessionCalendar;
import app.haven.patients.domain.ServiceCode;
import app.haven.patients.domain.Session;
import app.haven.patients.domain.SessionStatus;
import app.haven.patients.domain.SessionType;
import app.haven.shared.Caller;
import app.haven.shared.CursorPage;
import app.haven.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** Sessions: booking, moving, ending them, the notes, and the calendars that list them. */
@RestController
@Validated
@RequestMapping("/api/v1/sessions")
class SessionController {

    private static final int MAX_LIMIT = 100;
    private static final int MAX_NOTES = 20_000;

    private final ScheduleSession scheduleSession;
    private final RecordSessionOutcome outcomes;
    private final SessionCalendar calendar;

    SessionController(ScheduleSession scheduleSession, RecordSessionOutcome outcomes, SessionCalendar calendar) {
        this.scheduleSession = scheduleSession;
        this.outcomes = outcomes;
        this.calendar = calendar;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SessionResponse> schedule(Caller caller, @Valid @RequestBody BookingRequest request) {
        return scheduleSession.schedule(caller, new ScheduleSession.Booking(request.clientId(), request.startsAt(),
                request.durationMinutes(), request.type(), Boolean.TRUE.equals(request.telehealth())))
                .map(SessionResponse::of);
    }

    @GetMapping
    Mono<CursorPage<SessionResponse>> list(Caller caller,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) UUID clientId, @RequestParam(required = false) SessionStatus status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") @Min(1) int limit) {
        return calendar.list(caller, new SessionCalendar.Query(from, to, clientId, status, cursor,
                        Math.min(limit, MAX_LIMIT)))
                .map(page -> new CursorPage<>(page.items().stream().map(SessionResponse::of).toList(),
                        page.nextCursor()));
    }

    @GetMapping("/{id}")
    Mono<SessionResponse> get(Caller caller, @PathVariable UUID id) {
        return calendar.get(caller, id).map(SessionResponse::of);
    }

    /** Moves the session, changes its length, or writes its notes; several at once in one request. */
    @PatchMapping("/{id}")
    Mono<SessionResponse> change(Caller caller, @PathVariable UUID id, @Valid @RequestBody ChangeRequest request) {
        if (request.startsAt() == null && request.durationMinutes() == null && request.notes() == null) {
            return Mono.error(new InvalidInputException("Nothing to change: give startsAt, durationMinutes or notes"));
        }
        return scheduleSession.amend(caller, id, new ScheduleSession.Amendment(request.startsAt(),
                        request.durationMinutes(), request.notes()))
                .then(calendar.get(caller, id))
                .map(SessionResponse::of);
    }

    @PostMapping("/{id}/complete")
    Mono<SessionResponse> complete(Caller caller, @PathVariable UUID id, @Valid @RequestBody CompleteRequest request) {
        ServiceCode code = request.serviceCode() == null ? null : ServiceCode.of(request.serviceCode());
        return outcomes.complete(caller, id, request.notes(), code).map(SessionResponse::of);
    }

    @PostMapping("/{id}/cancel")
    Mono<SessionResponse> cancel(Caller caller, @PathVariable UUID id, @Valid @RequestBody CancelRequest request) {
        return outcomes.cancel(caller, id, request.reason().strip()).map(SessionResponse::of);
    }

    @PostMapping("/{id}/no-show")
    Mono<SessionResponse> noShow(Caller caller, @PathVariable UUID id) {
        return outcomes.noShow(caller, id).map(SessionResponse::of);
    }

    record BookingRequest(@NotNull UUID clientId, @NotNull Instant startsAt,
            @NotNull @Min(1) @Max(Session.MAX_MINUTES) Integer durationMinutes, @NotNull SessionType type,
            Boolean telehealth) {
    }

    record ChangeRequest(Instant startsAt, @Min(1) @Max(Session.MAX_MINUTES) Integer durationMinutes,
            @Size(min = 1, max = MAX_NOTES) String notes) {
    }

    record CompleteRequest(@NotBlank @Size(max = MAX_NOTES) String notes,
            @Pattern(regexp = "[0-9]{5}", message = "must be a five-digit CPT code") String serviceCode) {
    }

    record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** A session as the apps read it; {@code notes} is present only for the therapist who may read them. */
    record SessionResponse(UUID id, UUID clientId, UUID therapistId, Instant startsAt, Instant endsAt,
            int durationMinutes, SessionType type, boolean telehealth, SessionStatus status, String serviceCode,
            Boolean cancelledLate, String notes, Instant createdAt, Instant updatedAt) {

        static SessionResponse of(Session session) {
            return new SessionResponse(session.id(), session.clientId(), session.therapistId(), session.startsAt(),
                    session.endsAt(), session.durationMinutes(), session.type(), session.telehealth(),
                    session.status(), session.serviceCode() == null ? null : session.serviceCode().code(),
                    session.cancelledLate(), session.notes(), session.createdAt(), session.updatedAt());
        }
    }
}
