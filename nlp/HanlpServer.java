import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HanLP (portable) as a small local server for the ingester: POST /segment with UTF-8 text answers its words with their
 * offsets and part-of-speech tags, names of people, places and organizations recognised (tags nr, nrf, ns, nt...).
 * It listens on 127.0.0.1 at the port given (0: any free one), prints "HANLP_READY <port>" once its models are loaded,
 * and exits when its standard input closes, so that it never outlives the process that started it.
 */
public class HanlpServer {
  private static final int MAX_BYTES = 4 * 1024 * 1024;

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Segment segment = newSegment();
    segment.seg("联合国教科文组织总干事在北京出席会议。");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext("/health", exchange -> reply(exchange, 200, "{\"status\":\"ok\"}"));
    server.createContext("/segment", exchange -> handleSegment(exchange, segment));
    server.start();
    System.out.println("HANLP_READY " + server.getAddress().getPort());
    System.out.flush();
    // Standard input closing means the parent is gone: stop, so that no server is left behind.
    while (System.in.read() != -1) {
      // Nothing is read from the parent but the end of the stream.
    }
    server.stop(0);
    System.exit(0);
  }

  private static Segment newSegment() {
    return HanLP.newSegment()
        .enableNameRecognize(true)
        .enableTranslatedNameRecognize(true)
        .enablePlaceRecognize(true)
        .enableOrganizationRecognize(true)
        .enableOffset(true);
  }

  private static void handleSegment(HttpExchange exchange, Segment segment) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      reply(exchange, 405, "{\"error\":\"POST the text to segment\"}");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BYTES + 1);
    }
    if (body.length > MAX_BYTES) {
      reply(exchange, 413, "{\"error\":\"the text is over 4 MiB\"}");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    List<Term> terms;
    // The segmenter's recognisers are not documented as thread-safe: one text at a time.
    synchronized (segment) {
      terms = segment.seg(text);
    }
    StringBuilder json = new StringBuilder("{\"terms\":[");
    for (int i = 0; i < terms.size(); i++) {
      Term term = terms.get(i);
      if (i > 0) json.append(',');
      json.append("{\"word\":").append(quote(term.word))
          .append(",\"start\":").append(term.offset)
          .append(",\"tag\":").append(quote(String.valueOf(term.nature))).append('}');
    }
    reply(exchange, 200, json.append("]}").toString());
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
