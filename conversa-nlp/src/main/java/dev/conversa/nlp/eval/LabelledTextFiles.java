package dev.conversa.nlp.eval;

import dev.conversa.nlp.SentimentLabel;
import dev.conversa.nlp.train.LabelledText;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code label<TAB>text} files (labels negative/neutral/positive; blank and '#' lines skipped). */
public final class LabelledTextFiles {

    private LabelledTextFiles() {
    }

    /**
     * @param language language to attach to every line, or null; {@link #languageOf(Path)} guesses it from a
     *                 file name starting with a two-letter code and a dash ("es-tass2020-dev.tsv")
     */
    public static List<LabelledText> read(Path file, String language) throws IOException {
        List<LabelledText> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                if (tab <= 0) throw new IOException(file + ":" + lineNo + ": expected label<TAB>text");
                out.add(new LabelledText(SentimentLabel.parse(line.substring(0, tab)), line.substring(tab + 1), language,
                        file.getFileName().toString()));
            }
        }
        return out;
    }

    /** Two-letter language prefix of a file name such as {@code es-airline-dev.tsv}, or null. */
    public static String languageOf(Path file) {
        String n = file.getFileName().toString();
        if (n.length() > 3 && n.charAt(2) == '-' && Character.isLetter(n.charAt(0)) && Character.isLetter(n.charAt(1))) {
            return n.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }
}
