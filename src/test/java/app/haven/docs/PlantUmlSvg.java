package app.haven.docs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;

/**
 * Renders PlantUML source to SVG in-process and refuses PlantUML's error pictures. With the
 * Smetana pragma of {@link PlantUmlSource} in the source, no Graphviz {@code dot} is needed.
 * <p>
 * The SVG is written as PlantUML makes it: over the same source it was byte-identical from run
 * to run here (ids are sequential, no timestamp), so nothing in it is rewritten.
 */
public final class PlantUmlSvg {

    /** Text PlantUML draws into its picture when it could not draw the diagram. */
    private static final List<String> ERROR_MARKS = List.of("Syntax Error", "Cannot find Graphviz",
            "Dot executable", "dot executable", "An error has occured", "An error has occurred",
            "Cannot include", "cannot include");

    private static final Pattern TEXT_ELEMENT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    private PlantUmlSvg() {
    }

    /**
     * Renders the first diagram of the source as SVG.
     *
     * @throws IllegalStateException when PlantUML drew an error picture instead of the diagram
     */
    public static String render(String name, String plantUml) throws IOException {
        SourceStringReader reader = new SourceStringReader(plantUml);
        failOnErrorDiagram(name, reader.getBlocks());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        reader.outputImage(svg, new FileFormatOption(FileFormat.SVG, false));
        String text = svg.toString(StandardCharsets.UTF_8);
        failOnErrorText(name, text);
        return text;
    }

    private static void failOnErrorDiagram(String name, List<BlockUml> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalStateException(name + ": PlantUML found no @startuml/@enduml block");
        }
        if (blocks.get(0).getDiagram() instanceof PSystemError error) {
            throw new IllegalStateException(name + ": PlantUML could not read the diagram: " + error.getWarningOrError());
        }
    }

    private static void failOnErrorText(String name, String svg) {
        ERROR_MARKS.stream()
                .filter(svg::contains)
                .findFirst()
                .ifPresent(mark -> {
                    throw new IllegalStateException(name + ": PlantUML drew an error (\"" + mark + "\") instead of the diagram");
                });
    }

    /**
     * The words the picture shows, in drawing order. PlantUML may draw each word of a label as its
     * own {@code <text>} element with a non-breaking space between them, so they are joined back.
     */
    public static String visibleText(String svg) {
        StringBuilder text = new StringBuilder();
        Matcher element = TEXT_ELEMENT.matcher(svg);
        while (element.find()) {
            text.append(element.group(1));
        }
        return text.toString().replace("&#160;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }
}
