package com.claudioportal;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

import com.claudioportal.job.Job;

/**
 * The house's floors (docs/architecture.md, "Feature packages", "The floors"): features sit on the ground floor and the
 * ground floor knows no feature. Written as allow-lists for the ground floor, so a new feature
 * package needs no change here, while any import from the ground floor up to a feature — or a
 * cycle between features — fails the build.
 */
class LayersTest {

    static final String ROOT = "com.claudioportal";

    /** Each ground-floor package and the only packages of ours it may use. */
    static final List<Floor> GROUND = List.of(
            new Floor("tenant", Set.of()),
            new Floor("forms", Set.of()),
            // the audit log's review pages use the form kit (filter errors, flash): ground floor to ground floor
            new Floor("audit", Set.of("tenant", "forms")),
            new Floor("web", Set.of("tenant", "forms")),
            // the Claudio client is the edge: it imports nothing of ours
            new Floor("claudio", Set.of()));

    record Floor(String name, Set<String> mayUse) {
    }

    static final Class<?> BACK_IMPORT;
    static {
        try {
            BACK_IMPORT = Class.forName(ROOT + ".tenant.BackImportForLayersTest");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void theGroundFloorUsesNoFeature() {
        assertTrue(PORTAL.size() > 100, "portal classes found: " + PORTAL.size());
        for (Floor floor : GROUND) {
            assertTrue(PORTAL.stream().anyMatch(c -> topPackage(c).equals(floor.name())), "package " + floor.name() + " exists");
            groundRule(floor).check(PORTAL);
        }
    }

    @Test
    void theGroundFloorRuleSeesABackImport() {
        // a positive control: the same rule, given a tenant class that uses a feature, must fail
        JavaClasses broken = new ClassFileImporter().importClasses(BACK_IMPORT,
                Job.class);
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> groundRule(GROUND.get(0)).check(broken));
        assertTrue(failure.getMessage().contains("BackImportForLayersTest"), failure.getMessage());
    }

    static ArchRule groundRule(Floor floor) {
        return ArchRuleDefinition.noClasses().that().resideInAPackage(ROOT + "." + floor.name() + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "classes of ours outside " + floor.name() + " and " + floor.mayUse(),
                        c -> isOurs(c) && !topPackage(c).equals(floor.name()) && !floor.mayUse().contains(topPackage(c))))
                .because("the ground floor is used by the features and never the reverse");
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(PORTAL);
    }

    @Test
    void jobsKnowNothingOfTracking() {
        // tracking moves a submitted job on; the job feature only builds and submits it
        ArchRuleDefinition.noClasses().that().resideInAPackage(ROOT + ".job..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".tracking..")
                .check(PORTAL);
    }

    static boolean isOurs(JavaClass c) {
        return c.getPackageName().startsWith(ROOT + ".");
    }

    static String topPackage(JavaClass c) {
        String rest = c.getPackageName().substring(Math.min(c.getPackageName().length(), ROOT.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
