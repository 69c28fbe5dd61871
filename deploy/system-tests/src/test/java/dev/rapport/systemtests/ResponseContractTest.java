package dev.rapport.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The response-contract check against a tiny hand-written OpenAPI 3.1 document. */
class ResponseContractTest {

    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "info": {"title": "contacts", "version": "1"},
              "paths": {
                "/contacts/{id}": {
                  "get": {"responses": {
                    "200": {"description": "the contact", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}},
                    "404": {"description": "not found", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                  }},
                  "delete": {"responses": {"204": {"description": "deleted"}}}
                },
                "/contacts/count": {
                  "get": {"responses": {"200": {"description": "how many", "content": {"application/json": {"schema": {"type": "integer"}}}}}}
                }
              },
              "components": {"schemas": {
                "Contact": {"type": "object", "required": ["id", "name"], "properties": {
                  "id": {"type": "string", "format": "uuid"},
                  "name": {"type": "string"},
                  "company": {"type": "string"},
                  "createdAt": {"type": "string", "format": "date-time"}
                }},
                "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}
              }}
            }
            """;
    private static final String ID = "6f1c2a9e-3b1d-4c55-9a3e-0c2b7d9e8f10";
    private static final String JSON = "application/json;charset=UTF-8";

    private final ResponseContract contract = new ResponseContract("http://localhost/contacts-service/q/openapi", DOCUMENT);

    @Test
    void aResponseAsDocumentedKeepsTheContract() {
        assertThat(contract.violations("GET", "/contacts/" + ID, 200, JSON,
                "{\"id\": \"%s\", \"name\": \"Sam\", \"createdAt\": \"2026-03-01T10:15:30.123Z\"}".formatted(ID))).isEmpty();
        assertThat(contract.violations("DELETE", "/contacts/" + ID, 204, null, "")).isEmpty();
    }

    @Test
    void aNullWhereTheSchemaSaysStringIsNamedByItsPath() {
        assertThat(contract.violations("GET", "/contacts/" + ID, 200, JSON,
                "{\"id\": \"%s\", \"name\": \"Sam\", \"company\": null}".formatted(ID)))
                .containsExactly("GET /contacts/{id} 200: $.company: null found, string expected");
    }

    @Test
    void missingRequiredPropertiesAndMalformedFormatsBreakIt() {
        List<String> violations = contract.violations("GET", "/contacts/" + ID, 200, JSON,
                "{\"id\": \"not-a-uuid\", \"createdAt\": \"yesterday\"}");
        assertThat(violations).hasSize(3).allMatch(violation -> violation.startsWith("GET /contacts/{id} 200: "));
        assertThat(String.join("\n", violations)).contains("name", "$.id", "$.createdAt");
    }

    @Test
    void aProblemIsCheckedAgainstItsOwnMediaTypeAndSchema() {
        assertThat(contract.violations("GET", "/contacts/" + ID, 404, "application/problem+json", "{\"status\": 404}")).isEmpty();
        assertThat(contract.violations("GET", "/contacts/" + ID, 404, "application/problem+json", "{\"status\": \"404\"}"))
                .containsExactly("GET /contacts/{id} 404: $.status: string found, integer expected");
    }

    @Test
    void anUndocumentedStatusContentTypeOrBodyBreaksIt() {
        assertThat(contract.violations("GET", "/contacts/" + ID, 500, JSON, "{}"))
                .containsExactly("GET /contacts/{id} 500: the status is not documented");
        assertThat(contract.violations("GET", "/contacts/" + ID, 200, "text/plain", "Sam"))
                .containsExactly("GET /contacts/{id} 200: content type text/plain, application/json expected");
        assertThat(contract.violations("GET", "/contacts/" + ID, 200, null, ""))
                .containsExactly("GET /contacts/{id} 200: no body, application/json expected");
        assertThat(contract.violations("DELETE", "/contacts/" + ID, 204, JSON, "{}"))
                .containsExactly("DELETE /contacts/{id} 204: a body (" + JSON + ") where none is documented");
        assertThat(contract.violations("GET", "/contacts/" + ID, 200, JSON, "{\"id\": "))
                .singleElement().asString().startsWith("GET /contacts/{id} 200: the body is not JSON");
    }

    @Test
    void anUndocumentedPathOrMethodBreaksIt() {
        assertThat(contract.violations("GET", "/meetings", 200, JSON, "[]"))
                .containsExactly("GET /meetings 200: the path is not documented");
        assertThat(contract.violations("PUT", "/contacts/" + ID, 200, JSON, "{}"))
                .containsExactly("PUT /contacts/{id} 200: the method is not documented");
    }

    @Test
    void aConcretePathWinsOverATemplatedOne() {
        assertThat(contract.violations("GET", "/contacts/count", 200, JSON, "3")).isEmpty();
    }

    @Test
    void eachPathIsCheckedAgainstTheServiceTheEdgeRoutesItTo() {
        assertThat(ResponseContractFilter.serviceOf("/contacts/" + ID)).hasValue("contacts-service");
        assertThat(ResponseContractFilter.serviceOf("/one-to-ones/" + ID + "/held")).hasValue("meetings-service");
        assertThat(ResponseContractFilter.serviceOf("/touchpoints")).hasValue("meetings-service");
        assertThat(ResponseContractFilter.serviceOf("/partners/balances")).hasValue("referrals-service");
        assertThat(ResponseContractFilter.serviceOf("/settings/rules")).hasValue("notifications-service");
        assertThat(ResponseContractFilter.serviceOf("/contacts-service/q/openapi")).isEmpty();
        assertThat(ResponseContractFilter.serviceOf("/healthz")).isEmpty();
    }

    @Test
    void theReportCountsARepeatedViolationOnce() {
        String company = "GET /contacts/{id} 200: $.company: null found, string expected";
        String role = "GET /contacts/{id} 200: $.role: null found, string expected";
        ResponseContractFilter.Findings findings = new ResponseContractFilter.Findings(5, List.of(List.of(company, role), List.of(company)));
        assertThat(ResponseContractExtension.report(findings)).isEqualTo("""
                2 of 5 responses broke the serving service's OpenAPI document:
                  GET /contacts/{id} 200: $.company: null found, string expected (2 times)
                  GET /contacts/{id} 200: $.role: null found, string expected""");
    }
}
