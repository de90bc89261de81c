package dev.conversa;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries hold (no module reaches into another's internals, no cycles), and the docs are current.
 * The plain-Java libraries (conversa-listening, conversa-nlp) share the base package but are not Modulith modules:
 * they are dependencies, with their own small public APIs. Test classes are not part of the structure either.
 */
class ModularityTest {
    static final ApplicationModules MODULES = ApplicationModules.of(ConversaApplication.class,
            JavaClass.Predicates.resideInAnyPackage("dev.conversa.listening..", "dev.conversa.nlp..", "dev.conversa.support..")
                    .or(JavaClass.Predicates.simpleNameEndingWith("IT"))
                    .or(JavaClass.Predicates.simpleNameEndingWith("Test"))
                    .or(JavaClass.Predicates.simpleNameEndingWith("Tests")));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
