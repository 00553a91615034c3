package dev.faultline.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationTests {

    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    void theFirstPageHasNoPreviousResultsAndANextCursor() {
        var response = Pagination.page(FIVE, request("per_page=2"));

        assertThat(response.getBody()).containsExactly("a", "b");
        assertThat(link(response)).isEqualTo(
                "<http://localhost/api/0/things/?per_page=2&cursor=0:0:1>; rel=\"previous\"; results=\"false\"; "
                        + "cursor=\"0:0:1\", "
                        + "<http://localhost/api/0/things/?per_page=2&cursor=0:2:0>; rel=\"next\"; results=\"true\"; "
                        + "cursor=\"0:2:0\"");
    }

    @Test
    void aMiddlePageLinksBothWays() {
        var response = Pagination.page(FIVE, request("per_page=2&cursor=0:2:0"));

        assertThat(response.getBody()).containsExactly("c", "d");
        assertThat(link(response))
                .contains("rel=\"previous\"; results=\"true\"; cursor=\"0:0:1\"")
                .contains("rel=\"next\"; results=\"true\"; cursor=\"0:4:0\"");
    }

    @Test
    void theLastPageHasNoNextResults() {
        var response = Pagination.page(FIVE, request("per_page=2&cursor=0:4:0"));

        assertThat(response.getBody()).containsExactly("e");
        assertThat(link(response))
                .contains("rel=\"previous\"; results=\"true\"; cursor=\"0:2:1\"")
                .contains("rel=\"next\"; results=\"false\"; cursor=\"0:5:0\"");
    }

    @Test
    void aCursorPastTheEndGivesAnEmptyPage() {
        var response = Pagination.page(FIVE, request("cursor=0:50:0"));

        assertThat(response.getBody()).isEmpty();
        assertThat(link(response)).contains("rel=\"next\"; results=\"false\"");
    }

    @Test
    void theLinksKeepTheOtherQueryParameters() {
        var response = Pagination.page(FIVE, request("query=is%3Aunresolved&per_page=2"));

        assertThat(link(response)).contains("<http://localhost/api/0/things/?query=is%3Aunresolved&per_page=2&cursor=0:2:0>");
    }

    @Test
    void aPageHoldsAHundredByDefaultAndAtMost() {
        List<Integer> many = IntStream.range(0, 250).boxed().toList();

        assertThat(Pagination.page(many, request(null)).getBody()).hasSize(100);
        assertThat(Pagination.page(many, request("per_page=1000")).getBody()).hasSize(100);
        assertThat(Pagination.page(many, request("per_page=0")).getBody()).containsExactly(0);
        assertThat(Pagination.page(many, request("per_page=-5")).getBody()).containsExactly(0);
    }

    @Test
    void aPerPageThatIsNoNumberIsABadRequest() {
        assertThatThrownBy(() -> Pagination.page(FIVE, request("per_page=ten")))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.field()).isEqualTo("per_page");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0:2", "0:-2:0", "0:2:2", "0:2:0:1", "0:99999999999:0", "x:2:0"})
    void aMalformedCursorIsABadRequest(String cursor) {
        assertThatThrownBy(() -> Pagination.page(FIVE, request("cursor=" + cursor)))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.field()).isEqualTo("cursor");
                    assertThat(problem.detail()).contains(cursor);
                });
    }

    private static MockHttpServletRequest request(String query) {
        var request = new MockHttpServletRequest("GET", "/api/0/things/");
        request.setQueryString(query);
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                request.addParameter(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return request;
    }

    private static String link(ResponseEntity<?> response) {
        return response.getHeaders().getFirst(HttpHeaders.LINK);
    }
}
