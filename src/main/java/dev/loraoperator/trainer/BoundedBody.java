package dev.loraoperator.trainer;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a limit: its text when it fits, or only the fact that it did not. The bytes past
 * the limit are never read; the connection is dropped instead.
 *
 * @param text the body as UTF-8, or null when it was oversized
 */
record BoundedBody(String text, boolean oversized) {
    /** Trainer API answers are a few KiB; 1 MiB leaves room for long artifact lists (design.md, "Faults"). */
    static final int MAX_BYTES = 1 << 20;

    static HttpResponse.BodyHandler<BoundedBody> handler(int limit) {
        return info -> new Reader(limit);
    }

    /** Collects chunks until the body ends or passes the limit, whichever comes first. */
    private static final class Reader implements HttpResponse.BodySubscriber<BoundedBody> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<BoundedBody> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Reader(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<BoundedBody> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> chunks) {
            if (body.isDone()) {
                return; // chunks already in flight when we cancelled
            }
            for (ByteBuffer chunk : chunks) {
                if (bytes.size() + chunk.remaining() > limit) {
                    subscription.cancel();
                    body.complete(new BoundedBody(null, true));
                    return;
                }
                byte[] copy = new byte[chunk.remaining()];
                chunk.get(copy);
                bytes.write(copy, 0, copy.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(new BoundedBody(bytes.toString(StandardCharsets.UTF_8), false));
        }
    }
}
