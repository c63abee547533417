package app.haven.messaging.adapter.out.live;

/**
 * Which {@code LiveEvents} runs: MongoDB change streams whenever Haven uses a real MongoDB (several
 * instances share it), or in process on the embedded server, unless
 * {@code haven.embedded-mongo.change-streams=true} asks for change streams there too (tests of the
 * production path do).
 */
final class LiveTransports {

    static final String IN_PROCESS = "'${spring.mongodb.uri:}'.isBlank() and !${haven.embedded-mongo.change-streams:false}";
    static final String CHANGE_STREAMS = "!'${spring.mongodb.uri:}'.isBlank() or ${haven.embedded-mongo.change-streams:false}";

    private LiveTransports() {
    }
}
