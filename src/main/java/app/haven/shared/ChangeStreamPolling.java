package app.haven.shared;

import java.time.Duration;

/**
 * Present only when the document store answers an empty {@code getMore} on a tailing change stream
 * at once instead of waiting for new data, as the embedded MongoDB server does. The driver would
 * then ask again at once, over and over, keeping a core busy while nothing happens; a tail that
 * finds this bean asks again only after {@link #interval()}. Real MongoDB waits server-side, so
 * there is no such bean and tails simply wait.
 */
@FunctionalInterface
public interface ChangeStreamPolling {

    /** How long a tail waits after an empty answer before asking again. */
    Duration interval();
}
