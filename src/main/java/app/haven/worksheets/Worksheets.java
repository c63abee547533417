package app.haven.worksheets;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** What other modules may ask about a worksheet. */
public interface Worksheets {

    /** The worksheet's title, for the one place that shows it (the therapy conversation); empty when gone. */
    Mono<String> titleOf(UUID worksheetId);
}
