package dev.loraoperator.trainer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** An HTTP answer as the JDK client hands it to the classifier: status, headers and the bounded body. */
record CannedAnswer(int statusCode, HttpHeaders headers, BoundedBody body) implements HttpResponse<BoundedBody> {

    static CannedAnswer of(int status, String body, Map<String, List<String>> headers) {
        return new CannedAnswer(status, HttpHeaders.of(headers, (name, value) -> true), new BoundedBody(body, false));
    }

    /** With an optional Retry-After header (null: none). */
    static CannedAnswer of(int status, String body, String retryAfter) {
        return of(status, body, retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)));
    }

    static CannedAnswer oversized(int status) {
        return new CannedAnswer(status, HttpHeaders.of(Map.of(), (name, value) -> true), new BoundedBody(null, true));
    }

    @Override
    public HttpRequest request() {
        return HttpRequest.newBuilder(uri()).build();
    }

    @Override
    public Optional<HttpResponse<BoundedBody>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return URI.create("http://trainer.test/prod/v1/trainers/ai-toolkit/jobs");
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
