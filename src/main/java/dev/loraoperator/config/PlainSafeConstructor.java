package dev.loraoperator.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/** SafeConstructor that keeps YAML timestamps as the text the user wrote instead of turning them into Dates. */
final class PlainSafeConstructor extends SafeConstructor {

    PlainSafeConstructor(LoaderOptions options) {
        super(options);
        // A Date has no JSON form and would be re-written in another format; the original text is what counts.
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
}
