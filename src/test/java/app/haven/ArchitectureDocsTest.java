package app.haven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.BasicJsonParser;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;
import org.springframework.modulith.docs.Documenter.Options;

import app.haven.docs.DocsFolder;
import tools.jackson.databind.json.JsonMapper;
import app.haven.docs.EventCatalogue;
import app.haven.docs.PlantUmlSource;
import app.haven.docs.PlantUmlSvg;

/**
 * Generates Haven's architecture documentation from the code and fails when the committed copy in
 * {@code architecture-docs/generated/} differs from it, so the docs cannot drift from the code
 * (STYLE.md, point 9).
 * <p>
 * It writes Spring Modulith's module diagrams (C4 and UML), one diagram and one Application Module
 * Canvas per module, the aggregating {@code all-docs.adoc}, an event catalogue, and an SVG of every
 * diagram. Rendering runs in-process with PlantUML's Smetana layout, so a JDK is all a newcomer
 * needs. No Spring context is started: everything is read from the compiled classes.
 * <p>
 * After a change that moves the architecture, regenerate and commit the docs:
 * {@code ./mvnw test -Dtest=ArchitectureDocsTest -Dhaven.docs.update=true}.
 */
class ArchitectureDocsTest {

    static final String UPDATE_PROPERTY = "haven.docs.update";
    static final String REGENERATE = "./mvnw test -Dtest=ArchitectureDocsTest -D" + UPDATE_PROPERTY + "=true";

    private static final DocsFolder GENERATED = new DocsFolder(Path.of("target", "generated-architecture-docs"));
    private static final DocsFolder COMMITTED = new DocsFolder(Path.of("architecture-docs", "generated"));
    private static final Path README = Path.of("architecture-docs", "README.md");

    /** Where Modulith writes the overview diagram; the UML flavour is moved aside to {@link #UML_OVERVIEW}. */
    private static final String OVERVIEW = "components.puml";
    private static final String UML_OVERVIEW = "components-uml.puml";

    private final ApplicationModules modules = ApplicationModules.of(HavenApplication.class);

    /**
     * Fails on drift, or with {@value #UPDATE_PROPERTY}{@code =true} replaces the committed copy.
     * Either way the hand-written README, the way in, must then link every generated file.
     */
    @Test
    void committedDocsMatchTheCode() throws IOException {
        generate();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            GENERATED.copyOver(COMMITTED);
        }
        else {
            List<String> drift = COMMITTED.differencesFrom(GENERATED);
            assertTrue(drift.isEmpty(), () -> driftReport(drift));
        }
        assertReadmeLinksEveryGeneratedFile();
    }

    /**
     * The Documenter reads the Javadoc the annotation processor extracted with Boot's small JSON
     * parser, which miscounts an unbalanced bracket inside a comment (a range written as [from, to))
     * and then silently drops every description. Every entry must come through.
     */
    @Test
    void everyExtractedJavadocReachesTheDocumenter() throws IOException {
        String extracted = Files.readString(Path.of("target", "generated-spring-modulith", "javadoc.json"));
        int entries = JsonMapper.shared().readTree(extracted).size();

        assertEquals(entries, new BasicJsonParser().parseList(extracted).size(),
                "a Javadoc comment confuses the Documenter's JSON parser: look for an unbalanced [ or { in one");
    }

    /**
     * Haven publishes through an outbox, which Spring Modulith cannot see, so the catalogue's rule
     * must find events that nobody listens to yet, both outboxes, and Moments listeners.
     */
    @Test
    void eventCatalogueFindsOutboxEventsAndMoments() {
        String catalogue = EventCatalogue.markdown(modules);

        assertTrue(catalogue.contains("[`TherapistUnassigned`]"), "staged in the R2DBC outbox, no listener yet");
        assertTrue(catalogue.contains("[`ConversationCreated`]"), "staged in the document outbox");
        assertTrue(catalogue.contains("TherapistAssignmentListener#on"), "an @ApplicationModuleListener");
        assertTrue(catalogue.contains("`org.springframework.modulith.moments.DayHasPassed` | Spring Modulith Moments"),
                "a Moments listener");
    }

    private void generate() throws IOException {
        writeModulithDocs();
        GENERATED.write("events.md", EventCatalogue.markdown(modules));
        normaliseLineEndings();
        renderDiagrams();
    }

    /**
     * Spring Modulith's own documents. Both overview flavours show every module, even one with no
     * arrow yet, because the overview is where a newcomer learns which modules exist.
     */
    private void writeModulithDocs() throws IOException {
        Documenter documenter = new Documenter(modules, Options.defaults().withOutputFolder(GENERATED.root().toString()));
        DiagramOptions overview = DiagramOptions.defaults()
                .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);

        // Modulith insists on a module-name placeholder in any custom diagram file name, even for
        // the overview, so the UML overview is written under the default name and moved aside.
        documenter.writeModulesAsPlantUml(overview.withStyle(DiagramStyle.UML));
        Files.move(GENERATED.root().resolve(OVERVIEW), GENERATED.root().resolve(UML_OVERVIEW));

        documenter.writeModulesAsPlantUml(overview.withStyle(DiagramStyle.C4))
                .writeIndividualModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.C4))
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }

    /**
     * Modulith ends some lines with the platform's separator and files without a newline; the
     * committed copy always uses {@code \n}, so Windows and Linux generate the same bytes.
     */
    private void normaliseLineEndings() {
        GENERATED.fileNames().forEach(name -> GENERATED.write(name,
                name.endsWith(".adoc") ? canvasListsSorted(GENERATED.read(name)) : GENERATED.read(name)));
    }

    /**
     * A canvas cell lists a module's listeners, events and the like in reflection order, which
     * differs from one JVM to the next; each cell's list ({@code |* first}, then {@code * more}) is
     * put in alphabetical order so the committed copy is stable.
     */
    static String canvasListsSorted(String adoc) {
        List<String> lines = new java.util.ArrayList<>(List.of(adoc.split("\n", -1)));
        for (int start = 0; start < lines.size(); start++) {
            if (!lines.get(start).startsWith("|* ")) {
                continue;
            }
            int end = start + 1;
            while (end < lines.size() && lines.get(end).startsWith("* ")) {
                end++;
            }
            List<String> items = new java.util.ArrayList<>();
            items.add(lines.get(start).substring(1));
            items.addAll(lines.subList(start + 1, end));
            java.util.Collections.sort(items);
            for (int i = 0; i < items.size(); i++) {
                lines.set(start + i, (i == 0 ? "|" : "") + items.get(i));
            }
            start = end - 1;
        }
        return String.join("\n", lines);
    }

    /**
     * Every diagram is put in a stable order and gets an SVG beside it, laid out by Smetana and
     * checked to show its modules.
     */
    private void renderDiagrams() throws IOException {
        for (String name : GENERATED.fileNames()) {
            if (name.endsWith(".puml")) {
                String source = PlantUmlSource.prepare(GENERATED.read(name));
                String svg = PlantUmlSvg.render(name, source);
                GENERATED.write(name, source);
                GENERATED.write(name.replaceFirst("\\.puml$", ".svg"), svg);
                assertShowsItsModules(name, source, svg);
            }
        }
    }

    /** A picture that lacks a module its source names is not the diagram, whatever PlantUML says. */
    private void assertShowsItsModules(String name, String source, String svg) {
        String shown = PlantUmlSvg.visibleText(svg);
        modules.stream()
                .map(ApplicationModule::getDisplayName)
                .filter(displayName -> source.contains("\"" + displayName + "\"")
                        || source.contains("==" + displayName + "\\n"))
                .forEach(displayName -> assertTrue(shown.contains(displayName),
                        () -> name + ": the SVG does not show module '" + displayName + "'"));
    }

    private void assertReadmeLinksEveryGeneratedFile() throws IOException {
        String readme = Files.readString(README);
        List<String> unlinked = GENERATED.fileNames().stream()
                .filter(name -> !readme.contains("(generated/" + name + ")"))
                .toList();
        assertTrue(unlinked.isEmpty(), () -> README + " does not link " + unlinked + ": add the links by hand");
    }

    private static String driftReport(List<String> drift) {
        return """
                The committed architecture docs in %s differ from what the code generates (%s):
                  %s
                Regenerate them, review the diff and commit it:
                  %s
                """.formatted(COMMITTED.root(), GENERATED.root(), String.join("\n  ", drift), REGENERATE);
    }
}
