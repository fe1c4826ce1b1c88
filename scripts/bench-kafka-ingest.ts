/** `npx tsx scripts/bench-kafka-ingest.ts [days]`: the seed's publish and Kafka-ingest rates apart, in tools/bench/kafka-ingest.ts. */
import "../tools/bench/kafka-ingest";
