package dev.rapport.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class MergePatchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The examples of RFC 7396, appendix A. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'a':'b'}|{'a':'c'}|{'a':'c'}",
            "{'a':'b'}|{'b':'c'}|{'a':'b','b':'c'}",
            "{'a':'b'}|{'a':null}|{}",
            "{'a':'b','b':'c'}|{'a':null}|{'b':'c'}",
            "{'a':['b']}|{'a':'c'}|{'a':'c'}",
            "{'a':'c'}|{'a':['b']}|{'a':['b']}",
            "{'a':{'b':'c'}}|{'a':{'b':'d','c':null}}|{'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}|{'a':[1]}|{'a':[1]}",
            "['a','b']|['c','d']|['c','d']",
            "{'a':'b'}|['c']|['c']",
            "{'a':'foo'}|null|null",
            "{'a':'foo'}|'bar'|'bar'",
            "{'e':null}|{'a':1}|{'e':null,'a':1}",
            "[1,2]|{'a':'b','c':null}|{'a':'b'}",
            "{}|{'a':{'bb':{'ccc':null}}}|{'a':{'bb':{}}}"
    })
    void appliesRfc7396Examples(String target, String patch, String expected) throws Exception {
        var result = MergePatch.apply(json(target), json(patch));
        assertThat(result).isEqualTo(json(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = { "{'a':{'b':1}}|{'a':{'c':2}}" })
    void leavesTargetUntouched(String target, String patch) throws Exception {
        var original = json(target);
        MergePatch.apply(original, json(patch));
        assertThat(original).isEqualTo(json(target));
    }

    private com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }
}
