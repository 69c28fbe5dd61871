package dev.rapport.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * Holds every test class to the services' OpenAPI documents: each response that the class
 * receives from the edge through REST Assured is checked against the serving service's document
 * ({@link ResponseContractFilter}), and a class whose responses broke a document fails once it
 * is done, with the list of what broke. JUnit applies it to every test class of this module by
 * auto-detection (src/test/resources/junit-platform.properties).
 */
public final class ResponseContractExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ResponseContractFilter FILTER = new ResponseContractFilter(Deployment.EDGE);
    private static boolean registered;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (ResponseContractExtension.class) {
            if (!registered) {
                RestAssured.filters(FILTER);
                registered = true;
            }
        }
        FILTER.takeFindings();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ResponseContractFilter.Findings findings = FILTER.takeFindings();
        if (!findings.brokenResponses().isEmpty()) {
            throw new AssertionError(report(findings));
        }
    }

    /** One line per distinct violation, with how often it occurred. */
    static String report(ResponseContractFilter.Findings findings) {
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        findings.brokenResponses().stream().flatMap(List::stream).forEach(line -> occurrences.merge(line, 1, Integer::sum));
        StringBuilder report = new StringBuilder("%d of %d responses broke the serving service's OpenAPI document:"
                .formatted(findings.brokenResponses().size(), findings.checkedResponses()));
        occurrences.forEach((line, times) -> report.append("\n  ").append(line).append(times > 1 ? " (" + times + " times)" : ""));
        return report.toString();
    }
}
