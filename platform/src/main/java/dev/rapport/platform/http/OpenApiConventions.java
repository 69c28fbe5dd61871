package dev.rapport.platform.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.rapport.platform.idempotency.IdempotencyFilter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Documents the conventions every operation shares, so that each service's OpenAPI document
 * states them without each resource repeating them: the problem schema and the error answers
 * each kind of operation can give, and the {@code Idempotency-Key} header of every POST.
 * Applied once, when the service is built: the document a service serves and the one stored
 * beside its build both have them, and the service's start does not pay for it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            boolean identified = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(entry.getKey(), entry.getValue(), identified);
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation, boolean identified) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            problem(responses, "400", "Invalid request: the problem lists the offending fields");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            // Public operations (a secret in the path is their credential) never answer 401.
            problem(responses, "401", "No valid bearer token");
        }
        if (responses.hasAPIResponse("403")) {
            problem(responses, "403", "The caller lacks the role this operation needs");
        }
        if (identified) {
            problem(responses, "404", "No such record for the caller (another user's records are not found either)");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body exceeds 256 KiB");
            problem(responses, "415", "Unsupported content type");
        }
        switch (method) {
            case POST -> {
                operation.addParameter(idempotencyKey());
                problem(responses, "409", "A request with the same Idempotency-Key is still running, or the record changed concurrently");
                problem(responses, "422", "The Idempotency-Key was used with another body, or a rule refused the request");
            }
            case PUT, PATCH, DELETE -> {
                problem(responses, "409", "The record was changed concurrently");
                problem(responses, "412", "If-Match does not match the record's current ETag");
            }
            default -> {
            }
        }
        if (takesIfMatch(operation)) {
            // Actions such as POST /one-to-ones/{id}/held honour If-Match too.
            problem(responses, "412", "If-Match does not match the record's current ETag");
        }
        if (responses.hasAPIResponse("304")) {
            // Reads that answer an ETag honour If-None-Match (see ConditionalGet).
            operation.addParameter(OASFactory.createParameter()
                    .name(HttpHeaders.IF_NONE_MATCH)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("The ETag of the client's copy: 304 without a body while it is current")
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        }
        problem(responses, "429", "Too many requests from this user; retry after the Retry-After seconds");
        problem(responses, "500", "Unexpected failure; nothing was changed");
        problem(responses, "503", "The database is briefly unavailable; retry after the Retry-After seconds");
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            // Quarkus adds some error answers (401, 403, 400) without a body: give them the problem's.
            var existing = responses.getAPIResponse(status);
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.content(problemContent());
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Parameter idempotencyKey() {
        return OASFactory.createParameter()
                .name(IdempotencyFilter.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Makes the POST safe to retry: a repeat with the same key and body replays the first answer")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).minLength(1).maxLength(255));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", string("The offending field's JSON path", "name"))
                .addProperty("message", string("What is wrong with it", "must not be blank"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem answer")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("Stable URI of the problem category", "https://rapport.dev/problems/validation").format("uri"))
                .addProperty("title", string("Short summary of the category", "Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("HTTP status").examples(List.of(400)))
                .addProperty("detail", string("What went wrong with this request", "name: must not be blank"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("The offending fields, for validation problems").items(fieldError));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description).examples(List.of(example));
    }
}
