package dev.conversa.analysis;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.WorkspaceService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The training command: {@code java -jar conversa-app-exec.jar --conversa.train-sentiment.workspace=<slug>
 * [--conversa.train-sentiment.file=labelled.tsv]} trains the workspace's model, prints the report and exits.
 */
@Component
@ConditionalOnProperty("conversa.train-sentiment.workspace")
class TrainSentimentCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(TrainSentimentCommand.class);
    private final SentimentTraining training;
    private final WorkspaceService workspaces;
    private final ApplicationContext context;

    TrainSentimentCommand(SentimentTraining training, WorkspaceService workspaces, ApplicationContext context) {
        this.training = training;
        this.workspaces = workspaces;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String slug = context.getEnvironment().getRequiredProperty("conversa.train-sentiment.workspace");
        String file = context.getEnvironment().getProperty("conversa.train-sentiment.file");
        var ws = workspaces.findBySlug(slug).orElseThrow(() -> new NotFoundException("workspace", slug));
        String tsv = file == null ? null : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        TrainingReport report = training.train(tsv, new Actor(null, ws.id(), Role.ADMIN, "train-sentiment command", null));
        log.info("Sentiment model {} for workspace {}: {} examples, held-out macro-F1 {} vs current {} -> {}", report.modelId(),
                slug, report.examples(), String.format("%.3f", report.heldOutMacroF1()),
                String.format("%.3f", report.currentMacroF1()), report.adopted() ? "ADOPTED" : "kept the current model");
        log.info("Why: {}", report.decision());
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
