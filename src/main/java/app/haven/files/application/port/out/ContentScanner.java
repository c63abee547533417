package app.haven.files.application.port.out;

import app.haven.files.domain.AcceptedType;
import reactor.core.publisher.Mono;

/**
 * Looks at an upload before Haven accepts it (a virus scanner, for instance). Answers whether
 * the bytes may be kept; a refusal fails the upload with 422 and nothing is kept.
 */
public interface ContentScanner {

    Mono<Verdict> scan(BlobStore.Staged staged, AcceptedType type);

    record Verdict(boolean clean, String reason) {

        public static Verdict passed() {
            return new Verdict(true, null);
        }

        public static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }
}
