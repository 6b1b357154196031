package dev.orchestrator.core.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** HTTP/1.1 body framings read as they arrive, for answers too big to hold ({@link EngineApi}). */
final class HttpBodies {
  private HttpBodies() {}

  /** At most {@code length} bytes: what a {@code Content-Length} announced. */
  static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /**
   * A {@code Transfer-Encoding: chunked} body, unchunked: each chunk is a hexadecimal size line,
   * that many bytes and a CRLF; a chunk of size 0 ends it. A stream that ends before that broke
   * off, and says so.
   */
  static final class Chunked extends InputStream {
    private final InputStream in;
    private long left;
    private boolean done;

    Chunked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        left = nextChunkSize();
        if (left == 0) {
          done = true;
          return -1;
        }
      }
      int n = in.read(buffer, offset, (int) Math.min(length, left));
      if (n < 0) {
        throw new IOException("the chunked answer broke off");
      }
      left -= n;
      if (left == 0) {
        line(); // the CRLF after the chunk's bytes
      }
      return n;
    }

    private long nextChunkSize() throws IOException {
      String size = line();
      int semicolon = size.indexOf(';');
      try {
        return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("the chunked answer has a bad chunk size: " + size);
      }
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the chunked answer broke off");
        }
        if (b == '\n') {
          int end = line.length();
          return (end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line)
              .toString();
        }
        if (line.length() > 1024) {
          throw new IOException("the chunked answer has a chunk size line over 1024 bytes");
        }
        line.append((char) b);
      }
    }
  }
}
