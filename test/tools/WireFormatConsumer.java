import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An independent consumer for Ferry's tests: the Apache Kafka Java client and Apache Avro, no
 * Ferry code. Reads a topic from the beginning, takes the schema id from each value's
 * Confluent wire-format header, fetches that schema from the registry by id, decodes the body
 * and prints one JSON line per record: key, headers, schemaId and the decoded value.
 *
 * java -cp '<kafka libs>/*' WireFormatConsumer.java --bootstrap H:P --topic T --registry URL
 *      --max N --timeout-ms MS
 */
public class WireFormatConsumer {
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) args.put(argv[i].substring(2), argv[i + 1]);
    int max = Integer.parseInt(args.getOrDefault("max", "1"));
    long deadline = System.currentTimeMillis() + Long.parseLong(args.getOrDefault("timeout-ms", "30000"));
    ObjectMapper json = new ObjectMapper();
    Map<Integer, Schema> schemas = new HashMap<>();

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.get("bootstrap"));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "independent-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    int seen = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(args.get("topic")));
      while (seen < max && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          ByteBuffer value = ByteBuffer.wrap(record.value());
          if (value.get() != 0) throw new IllegalStateException("not the wire format at offset " + record.offset());
          int schemaId = value.getInt();
          Schema schema = schemas.computeIfAbsent(schemaId, id -> fetch(json, args.get("registry"), id));
          byte[] body = new byte[value.remaining()];
          value.get(body);
          GenericRecord decoded =
              new GenericDatumReader<GenericRecord>(schema)
                  .read(null, DecoderFactory.get().binaryDecoder(body, null));
          ObjectNode line = json.createObjectNode();
          line.put("key", record.key());
          line.put("partition", record.partition());
          line.put("schemaId", schemaId);
          ObjectNode headers = line.putObject("headers");
          for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
          }
          line.set("value", json.readTree(decoded.toString()));
          System.out.println(json.writeValueAsString(line));
          if (++seen >= max) break;
        }
      }
    }
    if (seen < max) throw new IllegalStateException("only " + seen + " of " + max + " records before the timeout");
  }

  static Schema fetch(ObjectMapper json, String registry, int id) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(registry + "/schemas/ids/" + id)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("registry answered " + response.statusCode() + " for schema " + id);
      }
      return new Schema.Parser().parse(json.readTree(response.body()).get("schema").asText());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
