// Makes the JDK's built-in HTTP server listen on the loopback address only, whatever address the program asks for.
// CoreNLP's server has no option to choose the address it binds; the JDK picks this provider up from the system
// property com.sun.net.httpserver.HttpServerProvider, so the server runs unchanged and stays on 127.0.0.1.
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

public class LoopbackHttpServerProvider extends HttpServerProvider {
  private final HttpServerProvider jdk = new sun.net.httpserver.DefaultHttpServerProvider();

  private static InetSocketAddress loopback(InetSocketAddress address) {
    return address == null ? null : new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort());
  }

  @Override
  public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
    return jdk.createHttpServer(loopback(address), backlog);
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
    return jdk.createHttpsServer(loopback(address), backlog);
  }
}
