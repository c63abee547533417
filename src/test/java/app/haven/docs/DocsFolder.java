package app.haven.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A flat folder of generated text files (diagram sources, SVGs, AsciiDoc, Markdown) and the
 * operations the drift check needs: compare with the committed copy, or replace it.
 * <p>
 * Everything generated is text, so files are compared as text with line endings normalised to
 * {@code \n}: a checkout with {@code core.autocrlf} must not count as drift.
 */
public final class DocsFolder {

    private final Path root;

    public DocsFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The names of the files in the folder, sorted; none if the folder does not exist. */
    public SortedSet<String> fileNames() {
        if (!Files.isDirectory(root)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String name) {
        try {
            return Files.readString(root.resolve(name), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the text with {@code \n} line endings, whatever the platform produced, and a final newline. */
    public void write(String name, String text) {
        String unix = unixLineEndings(text);
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(name), unix.endsWith("\n") ? unix : unix + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How this (committed) folder differs from the {@code generated} one, one line per file,
     * sorted by name; empty when both hold the same files with the same text.
     */
    public List<String> differencesFrom(DocsFolder generated) {
        Set<String> committed = fileNames();
        Set<String> fresh = generated.fileNames();
        List<String> differences = new ArrayList<>();
        for (String name : union(committed, fresh)) {
            if (!committed.contains(name)) {
                differences.add("new, not committed:      " + name);
            }
            else if (!fresh.contains(name)) {
                differences.add("stale, not generated:    " + name);
            }
            else if (!unixLineEndings(read(name)).equals(unixLineEndings(generated.read(name)))) {
                differences.add("changed since committed: " + name);
            }
        }
        return differences;
    }

    /** Makes {@code target} an exact copy of this folder: copies every file, deletes the stale ones. */
    public void copyOver(DocsFolder target) {
        try {
            Files.createDirectories(target.root);
            for (String stale : target.fileNames()) {
                if (!fileNames().contains(stale)) {
                    Files.delete(target.root.resolve(stale));
                }
            }
            for (String name : fileNames()) {
                Files.copy(root.resolve(name), target.root.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SortedSet<String> union(Set<String> left, Set<String> right) {
        SortedSet<String> all = new TreeSet<>(left);
        all.addAll(right);
        return all;
    }

    static String unixLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
