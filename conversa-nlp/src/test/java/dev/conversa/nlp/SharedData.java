package dev.conversa.nlp;

import dev.conversa.nlp.eval.LabelledTextFiles;
import dev.conversa.nlp.train.LabelledText;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Research-only labelled tweets, read at test time from {@code -Dconversa.shared.data}; tests skip without them. */
public final class SharedData {

    private SharedData() {
    }

    public static Path sentimentDir() {
        String root = System.getProperty("conversa.shared.data");
        Assumptions.assumeTrue(root != null, "conversa.shared.data not set");
        Path dir = Path.of(root, "sentiment");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no shared data at " + dir);
        return dir;
    }

    public static List<LabelledText> read(String... names) {
        Path dir = sentimentDir();
        List<LabelledText> out = new ArrayList<>();
        for (String n : names) {
            Path p = dir.resolve(n + ".tsv");
            Assumptions.assumeTrue(Files.exists(p), "missing " + p);
            try {
                out.addAll(LabelledTextFiles.read(p, LabelledTextFiles.languageOf(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
