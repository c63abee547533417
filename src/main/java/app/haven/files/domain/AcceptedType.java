package app.haven.files.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The types Haven keeps, as detected from the bytes, with the extension a download should carry. */
public enum AcceptedType {

    PDF("application/pdf", "pdf"),
    DOC("application/msword", "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    TXT("text/plain", "txt"),
    JPG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;

    AcceptedType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The accepted type a detected media type (parameters such as {@code charset} ignored) stands for. */
    public static Optional<AcceptedType> of(String detectedMediaType) {
        String bare = detectedMediaType.split(";", 2)[0].trim();
        return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(bare)).findFirst();
    }

    public static List<String> mediaTypes() {
        return Arrays.stream(values()).map(AcceptedType::mediaType).toList();
    }
}
