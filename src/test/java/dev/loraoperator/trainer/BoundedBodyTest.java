package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** A body is collected up to the limit and no further: past it, reading stops and the connection is dropped. */
class BoundedBodyTest {

    /** Records what the reader asked of the connection. */
    private static final class Connection implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static HttpResponse.BodySubscriber<BoundedBody> reader(int limit, Connection connection) {
        HttpResponse.BodySubscriber<BoundedBody> reader = BoundedBody.handler(limit).apply(null);
        reader.onSubscribe(connection);
        return reader;
    }

    private static List<ByteBuffer> chunk(String text) {
        return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() {
        Connection connection = new Connection();
        HttpResponse.BodySubscriber<BoundedBody> reader = reader(10, connection);
        reader.onNext(chunk("{\"a\":"));
        reader.onNext(chunk("\"é\"}"));
        reader.onComplete();
        assertThat(reader.getBody().toCompletableFuture().join()).isEqualTo(new BoundedBody("{\"a\":\"é\"}", false));
        assertThat(connection.cancelled).isFalse();
        assertThat(connection.requested).as("one chunk asked for at the start and after each (else the read stalls)")
                .isEqualTo(3);
    }

    @Test
    void oneByteOverTheLimitStopsReadingAndDropsTheConnection() {
        Connection connection = new Connection();
        HttpResponse.BodySubscriber<BoundedBody> reader = reader(10, connection);
        reader.onNext(chunk("0123456789"));
        long requestedBefore = connection.requested;
        reader.onNext(chunk("X"));
        assertThat(reader.getBody().toCompletableFuture().join()).isEqualTo(new BoundedBody(null, true));
        assertThat(connection.cancelled).isTrue();
        assertThat(connection.requested).as("nothing more asked for").isEqualTo(requestedBefore);
        reader.onNext(chunk("late chunk"));
        reader.onComplete();
        assertThat(reader.getBody().toCompletableFuture().join().oversized()).isTrue();
    }
}
