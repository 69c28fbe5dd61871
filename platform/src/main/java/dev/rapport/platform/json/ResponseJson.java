package dev.rapport.platform.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON of every HTTP answer: the service's strict mapper, with absent fields left out
 * rather than written as {@code null}, so that each answer is what the OpenAPI document
 * describes (an optional property is either there with its type, or not there). Events keep
 * the service's own mapper: their documents list their fields as they are.
 */
@Provider
@Singleton
public class ResponseJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    ResponseJson(ObjectMapper mapper) {
        this.mapper = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** The mapper for an answer written outside JAX-RS, e.g. a replayed one. */
    public ObjectMapper mapper() {
        return mapper;
    }
}
