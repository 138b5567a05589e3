package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what we meant to write with what PyYAML loaded: integers by value whatever their Java type,
 * floats as doubles, but an integer never equals a float and a number never equals a string.
 */
final class SameValues {

    private SameValues() {
    }

    /** The first difference, or null when the trees hold the same values (mapping keys in the same order). */
    static String difference(JsonNode expected, JsonNode actual) {
        return difference(expected, actual, "$");
    }

    private static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isFloatingPointNumber() && !Double.isFinite(expected.doubleValue())) {
            String marker = Double.isNaN(expected.doubleValue()) ? "nan" : expected.doubleValue() > 0 ? "inf" : "-inf";
            return marker.equals(actual.path("$float").asText(null)) ? null : mismatch(path, expected, actual);
        } else if (expected.isFloatingPointNumber()) {
            boolean same = actual.isFloatingPointNumber()
                    && Double.compare(expected.doubleValue(), actual.doubleValue()) == 0;
            return same ? null : mismatch(path, expected, actual);
        } else if (expected.isIntegralNumber()) {
            boolean same = actual.isIntegralNumber() && expected.bigIntegerValue().equals(actual.bigIntegerValue());
            return same ? null : mismatch(path, expected, actual);
        } else if (expected.isObject()) {
            return actual.isObject() ? mappingDifference(expected, actual, path) : mismatch(path, expected, actual);
        } else if (expected.isArray()) {
            return actual.isArray() && actual.size() == expected.size()
                    ? listDifference(expected, actual, path) : mismatch(path, expected, actual);
        }
        return expected.equals(actual) ? null : mismatch(path, expected, actual);
    }

    private static String mappingDifference(JsonNode expected, JsonNode actual, String path) {
        List<String> expectedKeys = new ArrayList<>();
        expected.fieldNames().forEachRemaining(expectedKeys::add);
        List<String> actualKeys = new ArrayList<>();
        actual.fieldNames().forEachRemaining(actualKeys::add);
        if (!expectedKeys.equals(actualKeys)) {
            return "at " + path + ": expected keys " + expectedKeys + " but got " + actualKeys;
        }
        for (String key : expectedKeys) {
            String difference = difference(expected.get(key), actual.get(key), path + "." + key);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private static String listDifference(JsonNode expected, JsonNode actual, String path) {
        for (int i = 0; i < expected.size(); i++) {
            String difference = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private static String mismatch(String path, JsonNode expected, JsonNode actual) {
        return "at " + path + ": expected " + expected + " (" + expected.getClass().getSimpleName() + ") but PyYAML loaded "
                + actual + " (" + actual.getClass().getSimpleName() + ")";
    }
}
