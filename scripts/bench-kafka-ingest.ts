/** `npm run bench:kafka-ingest -- [days]`: the seed's publish and Kafka-ingest rates apart, in tools/bench/kafka-ingest.ts. */
import "../tools/bench/kafka-ingest";
