package dev.loraoperator.trainer;

import java.net.URI;
import java.util.Map;

/** Where and how to send one file to object storage; the URL is a credential, so toString never shows it. */
public record SignedUpload(URI url, String method, Map<String, String> headers) {
    public SignedUpload {
        method = method == null || method.isBlank() ? "PUT" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "SignedUpload[" + method + " " + url.getScheme() + "://" + url.getHost() + "/<signed>]";
    }
}
