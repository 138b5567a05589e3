package dev.loraoperator.sandbox;

/** A column of {@code kubectl get} output, in the shape of a CRD's additionalPrinterColumns entry. */
record PrinterColumn(String name, String type, String format, String description, int priority, String jsonPath) {

    /** What the API server shows for kinds that declare no columns of their own. */
    static final PrinterColumn AGE = of("Age", "date", ".metadata.creationTimestamp");

    static PrinterColumn of(String name, String type, String jsonPath) {
        return new PrinterColumn(name, type, "", "", 0, jsonPath);
    }
}
