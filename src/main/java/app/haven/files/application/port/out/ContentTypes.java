package app.haven.files.application.port.out;

import reactor.core.publisher.Mono;

/** Tells what staged bytes are, from the bytes; the declared name may only narrow a container type down. */
public interface ContentTypes {

    Mono<String> detect(BlobStore.Staged staged, String declaredName);
}
