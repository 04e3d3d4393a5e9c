package com.claudioportal.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The sandbox and the portal know nothing of each other's code: the sandbox (its classes and its
 * tests) imports nothing of the portal, and the portal's own classes (what ships) import nothing
 * of the sandbox, nor contain any of it. They speak HTTP only.
 */
class SandboxBoundaryTest {

    @Test
    void theSandboxImportsNothingOfThePortal() {
        JavaClasses sandbox = new ClassFileImporter().importPath(Path.of("target", "test-classes", "com", "claudioportal", "sandbox"));
        assertTrue(sandbox.size() > 20, "sandbox classes found: " + sandbox.size());
        noClasses().that().resideInAPackage("com.claudioportal.sandbox..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("portal classes",
                        c -> c.getPackageName().startsWith("com.claudioportal") && !c.getPackageName().startsWith("com.claudioportal.sandbox")))
                .because("the sandbox is a separate runnable (java -jar target/claudio-sandbox.jar) that speaks HTTP only")
                .check(sandbox);
    }

    @Test
    void thePortalImportsNothingOfTheSandboxAndShipsNoneOfIt() {
        JavaClasses portal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
        assertTrue(portal.size() > 50, "portal classes found: " + portal.size());
        noClasses().should().resideInAPackage("com.claudioportal.sandbox..").check(portal);
        noClasses().should().dependOnClassesThat().resideInAPackage("com.claudioportal.sandbox..").check(portal);
    }
}
