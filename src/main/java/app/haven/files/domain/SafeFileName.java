package app.haven.files.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name a download is offered under: the last segment of what the uploader sent, without
 * control or quoting characters, at most 120 characters, ending in the extension of the type
 * the bytes really are (so {@code evil.pdf} that is a PNG downloads as {@code evil.pdf.png}).
 */
public final class SafeFileName {

    private static final int MAX_LENGTH = 120;
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\"'<>:*?|;%\\\\/]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SafeFileName() {
    }

    public static String of(String declared, AcceptedType type) {
        String name = declared == null ? "" : declared;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = SPACES.matcher(UNSAFE.matcher(name).replaceAll("_")).replaceAll(" ").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String suffix = "." + type.extension();
        boolean hasExtension = name.toLowerCase(Locale.ROOT).endsWith(suffix)
                || (type == AcceptedType.JPG && name.toLowerCase(Locale.ROOT).endsWith(".jpeg"));
        if (!hasExtension) {
            name = name + suffix;
        }
        if (name.equals(suffix)) {
            name = "file" + suffix;
        }
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH - suffix.length()).strip() + suffix;
        }
        return name;
    }
}
