import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An independent producer for Ferry's tests: the Apache Kafka Java client and Apache Avro, no
 * kafkajs and no Ferry code. It registers a schema through the registry's HTTP API, encodes a
 * JSON record with Avro and sends it in the Confluent wire format (magic byte 0, 4-byte schema
 * id, Avro body). With --raw-hex it sends those bytes as they are (for poison messages).
 *
 * java -cp '<kafka libs>/*' WireFormatProducer.java --bootstrap H:P --topic T --key K
 *      (--registry URL --subject S --schema FILE --value-json JSON | --raw-hex HEX)
 */
public class WireFormatProducer {
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = parse(argv);
    byte[] value;
    if (args.containsKey("raw-hex")) {
      value = HexFormat.of().parseHex(args.get("raw-hex"));
    } else {
      String schemaText = Files.readString(Path.of(args.get("schema")));
      int schemaId = register(args.get("registry"), args.get("subject"), schemaText);
      value = encode(schemaId, new Schema.Parser().parse(schemaText), args.get("value-json"));
      System.out.println("schemaId=" + schemaId);
    }
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.get("bootstrap"));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      RecordMetadata sent =
          producer.send(new ProducerRecord<>(args.get("topic"), args.get("key"), value)).get();
      System.out.println("partition=" + sent.partition() + " offset=" + sent.offset());
    }
  }

  static int register(String registry, String subject, String schemaText) throws Exception {
    ObjectMapper json = new ObjectMapper();
    String body = json.writeValueAsString(Map.of("schema", schemaText, "schemaType", "AVRO"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(registry + "/subjects/" + subject + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("registry answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode answer = json.readTree(response.body());
    return answer.get("id").asInt();
  }

  static byte[] encode(int schemaId, Schema schema, String valueJson) throws Exception {
    GenericRecord record =
        new GenericDatumReader<GenericRecord>(schema)
            .read(null, DecoderFactory.get().jsonDecoder(schema, valueJson));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  static Map<String, String> parse(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      if (!argv[i].startsWith("--")) throw new IllegalArgumentException("expected --name value at " + argv[i]);
      args.put(argv[i].substring(2), argv[i + 1]);
    }
    return args;
  }
}
