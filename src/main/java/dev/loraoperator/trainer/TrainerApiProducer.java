package dev.loraoperator.trainer;

import dev.loraoperator.settings.OperatorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Builds the one Trainer API client (and so the one shared rate limit) from the operator settings. */
public class TrainerApiProducer {

    @Produces
    @ApplicationScoped
    HttpTrainerApi trainerApi(OperatorSettings settings, RequestObserver observer) {
        OperatorSettings.Trainer trainer = settings.trainer();
        return new HttpTrainerApi(trainer.baseUrl(), trainer.connectTimeout(), trainer.requestTimeout(),
                new RateLimiter(trainer.requestsPerSecond(), Clock.systemUTC()), observer);
    }

    /** The dataset client goes through the job client, so both share one rate limit. */
    @Produces
    @ApplicationScoped
    DatasetApi datasetApi(HttpTrainerApi core, OperatorSettings settings, RequestObserver observer) {
        return new HttpDatasetApi(core, settings.trainer().connectTimeout(), observer);
    }
}
