package dev.rightsdesk.platform.security;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests REST Assured will not send as written: raw {@code ;} paths, chunked
 * bodies, bytes that are not UTF-8, and two requests on one connection.
 */
final class RawHttp implements AutoCloseable {

    /** One answer: status, head (lower-case header names) and body. */
    record Answer(int status, String head, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int timeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(timeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static RawHttp open() throws IOException {
        return new RawHttp(10_000);
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a head with the given extra header lines and no body, then reads the answer. */
    Answer get(String target, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + RestAssured.port + "\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        send(head.append("\r\n").toString());
        return read();
    }

    /** Sends {@code body} chunked (in 8 KiB chunks) as a POST, then reads the answer (the server may answer early). */
    Answer postChunked(String target, String contentType, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + RestAssured.port
                + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        send(head.append("\r\n").toString());
        try {
            for (int i = 0; i < body.length; i += 8192) {
                int n = Math.min(8192, body.length - i);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, i, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the server answered and closed before the whole body was sent: read its answer
        }
        return read();
    }

    /** Sends a POST with a Content-Length body, then reads the answer. */
    Answer post(String target, String contentType, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + RestAssured.port
                + "\r\nContent-Length: " + body.length + "\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        send(head.append("\r\n").toString());
        out.write(body);
        out.flush();
        return read();
    }

    /** Reads one answer; throws SocketTimeoutException when none comes in time. */
    Answer read() throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before an answer; got: " + headBytes);
            }
            headBytes.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String head = headBytes.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        Answer answer = new Answer(status, head, new byte[0]);
        String length = answer.header("content-length");
        String encoding = answer.header("transfer-encoding");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = line();
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    line();
                    break;
                }
                body.write(in.readNBytes(n));
                line();
            }
        }
        return new Answer(status, head, body.toByteArray());
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    static boolean timedOut(IOException e) {
        return e instanceof SocketTimeoutException;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
