package app.haven.files.adapter.out.detection;

import java.io.IOException;
import java.util.Set;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.springframework.stereotype.Component;

import app.haven.files.application.port.out.BlobStore.Staged;
import app.haven.files.application.port.out.ContentTypes;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Apache Tika's detectors: magic numbers, and for ZIP files the container detector that finds a
 * Word document's parts. The bytes decide; only when they say an Office container may the
 * declared name narrow it down to the document type inside. The name never decides on its own (Tika
 * would take it for bytes it does not recognise), so an executable or random bytes called
 * {@code worksheet.pdf} are refused.
 */
@Component
class TikaContentTypes implements ContentTypes {

    /**
     * Without Apache POI Tika may see a Word file only as an Office container (OLE2 for {@code .doc},
     * an Open Packaging ZIP for {@code .docx}); only these are narrowed by the name.
     */
    private static final Set<String> OFFICE_CONTAINERS = Set.of("application/x-tika-msoffice", "application/x-tika-ooxml");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    @Override
    public Mono<String> detect(Staged staged, String declaredName) {
        return Mono.fromCallable(() -> {
            String fromBytes = detect(staged, new Metadata());
            if (!OFFICE_CONTAINERS.contains(fromBytes) || declaredName == null) {
                return fromBytes;
            }
            Metadata named = new Metadata();
            named.set(TikaCoreProperties.RESOURCE_NAME_KEY, declaredName);
            return detect(staged, named);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private String detect(Staged staged, Metadata metadata) throws IOException {
        try (TikaInputStream bytes = TikaInputStream.get(staged.path())) {
            return detector.detect(bytes, metadata).getBaseType().toString();
        }
    }
}
