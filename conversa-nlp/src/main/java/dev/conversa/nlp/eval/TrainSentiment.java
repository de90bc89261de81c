package dev.conversa.nlp.eval;

import dev.conversa.nlp.lang.NgramLanguageDetector;
import dev.conversa.nlp.train.LabelledText;
import dev.conversa.nlp.train.SentimentTrainer;
import dev.conversa.nlp.train.TrainingOptions;
import dev.conversa.nlp.train.TrainingResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trainer command: {@code TrainSentiment --out model.bin a.tsv [b.tsv ...]}. Trains with the product's
 * {@link SentimentTrainer}, prints the held-out comparison with the shipped default and writes the model
 * (whether or not it was better: the exit code is 0 if adopted, 3 if not).
 */
public final class TrainSentiment {

    private TrainSentiment() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--out".equals(args[i])) out = Path.of(args[++i]);
            else files.add(Path.of(args[i]));
        }
        if (out == null || files.isEmpty()) {
            System.err.println("usage: TrainSentiment --out model.bin a.tsv [b.tsv ...]");
            System.exit(2);
        }
        List<LabelledText> data = new ArrayList<>();
        for (Path p : files) data.addAll(LabelledTextFiles.read(p, LabelledTextFiles.languageOf(p)));
        TrainingResult r = new SentimentTrainer(new NgramLanguageDetector()).train(data, TrainingOptions.defaults());
        System.out.println("examples per language: " + r.examplesPerLanguage() + ", trained in " + r.elapsed().toMillis() + " ms");
        System.out.println("held-out, new model:      " + r.heldOutMetrics());
        System.out.println("held-out, shipped default: " + r.baselineMetrics());
        System.out.println("adopted: " + r.adopted());
        System.out.println(r.reasons());
        try (OutputStream os = Files.newOutputStream(out)) {
            r.model().write(os);
        }
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
        if (!r.adopted()) System.exit(3);
    }
}
