package dev.loraoperator.events;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Records core/v1 Events on a LoraTrainingJob or LoraDataset, so kubectl describe tells its story; never fails a reconcile. */
@ApplicationScoped
public class EventRecorder {
    public static final String COMPONENT = "lora-training-operator";
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    private static final int MAX_MESSAGE = 1024;

    private final KubernetesClient client;

    public EventRecorder(KubernetesClient client) {
        this.client = client;
    }

    public void record(HasMetadata job, EventReason reason, String message) {
        String now = Instant.now().toString();
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        var meta = job.getMetadata();
        var event = new EventBuilder()
                .withNewMetadata().withName(meta.getName() + "." + UUID.randomUUID().toString().substring(0, 13))
                .withNamespace(meta.getNamespace()).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(job.getApiVersion())
                        .withKind(job.getKind()).withName(meta.getName()).withNamespace(meta.getNamespace())
                        .withUid(meta.getUid()).withResourceVersion(meta.getResourceVersion()).build())
                .withReason(reason.name()).withMessage(text).withType(reason.type())
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT).withReportingInstance(COMPONENT)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1).build();
        LOG.infof("%s/%s: %s: %s", meta.getNamespace(), meta.getName(), reason, text);
        try {
            client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            // An Event is a courtesy; losing one must not stop the reconcile that tracks paid GPU time.
            LOG.warnf("could not record event %s on %s/%s: %s", reason, meta.getNamespace(), meta.getName(),
                    e.getMessage());
        }
    }
}
